using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using SupportFunctions.App.Durable;
using SupportFunctions.App.Retention;
using SupportFunctions.App.Reconcilers;

namespace SupportFunctions.Functions.Timers;

/// <summary>The schedules the standalone service runs itself (PurgeSchedule, ReconcileSchedule), as timer triggers on the same settings.</summary>
public sealed class TimerFunctions(PurgeRuns purges, IEnumerable<IReconciler> reconcilers)
{
    [Function("PurgeRetention")]
    public async Task PurgeRetention([TimerTrigger("%SupportFunctions__Retention__Schedule%")] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        using (DurableClientAccessor.Use(durable))
        {
            await purges.StartScheduledAsync(cancellationToken);
        }
    }

    [Function("ReconcileTimers")]
    public async Task ReconcileTimers([TimerTrigger("%SupportFunctions__Timers__ReconcileSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        foreach (var reconciler in reconcilers)
        {
            await reconciler.ReconcileAsync(cancellationToken);
        }
    }
}
