using SupportFunctions.App.Queues;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>Legal holds, purge runs and their queue handler; standalone, the purge schedule.</summary>
    public static IServiceCollection AddSupportRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section);
        services.AddSingleton<LegalHoldRepository>();
        services.AddSingleton<PurgeRunRepository>();
        services.AddSingleton<PurgeRunner>();
        services.AddSingleton<IQueueHandler, PurgeQueueHandler>();
        if (HostingMode.RunsOwnWorkers(configuration))
        {
            services.AddHostedService<PurgeSchedule>();
        }

        return services;
    }
}
