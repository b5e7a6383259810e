using SupportFunctions.App.Cases;
using SupportFunctions.App.Durable;
using SupportFunctions.App.Queues;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Timers;

public static class TimerServiceCollectionExtensions
{
    /// <summary>
    /// The orchestrations (SLA clocks, customer-change waits, purge runs) on Durable Task, case changes, queue dispatch, and —
    /// standalone — the queue poller and the reconcile schedule.
    /// </summary>
    public static IServiceCollection AddSupportTimers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QueueOptions>().BindConfiguration(QueueOptions.Section);
        services.AddOptions<TimerOptions>().BindConfiguration(TimerOptions.Section);
        services.AddSingleton<PoisonRepository>();
        services.AddSingleton<DurableClientAccessor>();
        if (HostingMode.RunsOwnWorkers(configuration))
        {
            // Under Azure Functions the Durable extension runs the orchestrations and hands out the client.
            services.AddSupportDurable();
        }
        services.AddSingleton<CaseOrchestrations>();
        services.AddSingleton<CaseChanges>();
        services.AddSingleton<QueueDispatcher>();
        services.AddSingleton<QueueSignals>();
        services.AddSingleton<QueueSender>();
        if (HostingMode.RunsOwnWorkers(configuration))
        {
            services.AddHostedService<QueuePoller>();
            services.AddHostedService<ReconcileSchedule>();
        }

        return services;
    }
}
