using SupportFunctions.App.Queues;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>Legal holds and purge runs (their orchestration is registered with the other durable tasks); standalone, the purge schedule.</summary>
    public static IServiceCollection AddSupportRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section);
        services.AddSingleton<LegalHoldRepository>();
        services.AddSingleton<PurgeRunRepository>();
        services.AddSingleton<PurgeSweep>();
        services.AddSingleton<PurgeRuns>();
        if (HostingMode.RunsOwnWorkers(configuration))
        {
            services.AddHostedService<PurgeSchedule>();
        }

        return services;
    }
}
