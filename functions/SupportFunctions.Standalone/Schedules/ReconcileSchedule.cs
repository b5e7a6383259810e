using Azure;
using Microsoft.Extensions.Options;
using SupportFunctions.App.Reconcilers;
using SupportFunctions.App.Storage;

namespace SupportFunctions.Standalone.Schedules;

/// <summary>Runs every reconciler on the interval when the app runs its own schedules (under Functions, the ReconcileTimers trigger does).</summary>
public sealed class ReconcileSchedule(IEnumerable<IReconciler> reconcilers, StorageInitializer storage, IOptions<TimerOptions> options, ILogger<ReconcileSchedule> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.ReconcileIntervalSeconds;
        if (interval <= 0)
        {
            return;
        }

        await storage.Ready.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(interval));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            foreach (var reconciler in reconcilers)
            {
                try
                {
                    await reconciler.ReconcileAsync(stoppingToken);
                }
                catch (RequestFailedException ex)
                {
                    Logs.ReconcileFailed(logger, ex.Status, ex.ErrorCode);
                }
            }
        }
    }
}
