using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Retention;

public static class RetentionServiceCollectionExtensions
{
    /// <summary>Legal holds and purge runs (their orchestration is registered with the other durable tasks).</summary>
    public static IServiceCollection AddSupportRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section);
        services.AddSingleton<PurgeSources>();
        services.AddSingleton<PurgeSweep>();
        services.AddSingleton<PurgeRuns>();
        return services;
    }
}
