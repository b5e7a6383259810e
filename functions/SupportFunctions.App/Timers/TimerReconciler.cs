using Microsoft.Extensions.Options;
using SupportFunctions.Storage;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Timers;

/// <summary>
/// Finds armed timers that are overdue by more than the grace period — their message was lost or deleted — and sends
/// their message again with the same token. If the original still arrives too, the second delivery finds the timer
/// fired and does nothing, so a lost message can never silently stop a clock.
/// </summary>
public sealed class TimerReconciler(CaseRepository cases, TimerScheduler scheduler, IOptions<TimerOptions> options, TimeProvider time, ILogger<TimerReconciler> logger) : IReconciler
{
    public string Name => "timers";

    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - TimeSpan.FromSeconds(options.Value.ReconcileGraceSeconds);
        var rearmed = 0;
        await foreach (var (subject, timer) in cases.FindOverdueTimersAsync(before, cancellationToken))
        {
            await scheduler.SendAsync(new TimerMessage(subject, timer.Kind, timer.Token, timer.DueAt), cancellationToken);
            Logs.TimerRearmed(logger, timer.Kind, subject, timer.DueAt);
            rearmed++;
        }

        return rearmed;
    }

    /// <summary>Runs every reconciler on the interval when the app runs its own schedules.</summary>
    public sealed class Schedule(IEnumerable<IReconciler> reconcilers, Storage.StorageInitializer storage, IOptions<TimerOptions> options, ILogger<Schedule> logger) : BackgroundService
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
                    catch (StorageRequestFailedException ex)
                    {
                        Logs.ReconcileFailed(logger, ex.Status, ex.ErrorCode);
                    }
                }
            }
        }
    }
}
