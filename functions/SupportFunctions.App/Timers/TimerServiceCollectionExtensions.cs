using SupportFunctions.App.Cases;
using SupportFunctions.App.Queues;
using SupportFunctions.App.Sla;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Timers;

public static class TimerServiceCollectionExtensions
{
    /// <summary>Durable timers, their effects, case changes, queue dispatch, and — standalone — the poller and reconciler schedule.</summary>
    public static IServiceCollection AddSupportTimers(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<QueueOptions>().BindConfiguration(QueueOptions.Section);
        services.AddOptions<TimerOptions>().BindConfiguration(TimerOptions.Section);
        services.AddSingleton<PoisonRepository>();
        services.AddSingleton<TimerScheduler>();
        services.AddSingleton<TimerReconciler>();
        services.AddSingleton<IReconciler>(sp => sp.GetRequiredService<TimerReconciler>());
        services.AddSingleton<CaseChanges>();
        services.AddSingleton<ITimerEffect, SlaTimerEffect>();
        services.AddSingleton<CustomerChangeWaitEffects>();
        services.AddSingleton<ITimerEffect, CustomerChangeWaitEffects.Reminder>();
        services.AddSingleton<ITimerEffect, CustomerChangeWaitEffects.AutoClose>();
        services.AddSingleton<IQueueHandler, TimerQueueHandler>();
        services.AddSingleton<QueueDispatcher>();
        services.AddSingleton<QueueSignals>();
        services.AddSingleton<QueueSender>();
        if (HostingMode.RunsOwnWorkers(configuration))
        {
            services.AddHostedService<QueuePoller>();
            services.AddHostedService<TimerReconciler.Schedule>();
        }

        return services;
    }
}
