using SupportFunctions.App.Hosting;
using SupportFunctions.Standalone.Durable;
using SupportFunctions.Standalone.Queues;
using SupportFunctions.Standalone.Schedules;

namespace SupportFunctions.Standalone;

public static class StandaloneServices
{
    /// <summary>
    /// The app's services, and what Azure Functions would otherwise provide: the durable engine and its client, the
    /// poller of the app's queues, and the reconcile and purge schedules. Which host composes the app decides what runs.
    /// </summary>
    public static IServiceCollection AddStandaloneHost(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSupportServices(configuration);
        services.AddSupportDurable();
        services.AddHostedService<QueuePoller>();
        services.AddHostedService<ReconcileSchedule>();
        services.AddHostedService<PurgeSchedule>();
        return services;
    }
}
