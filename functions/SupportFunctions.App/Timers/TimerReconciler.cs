using Azure;
using Microsoft.Extensions.Options;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Timers;

/// <summary>
/// Finds armed timers that are overdue by more than the grace period — their message was lost or deleted — and sends
/// their message again with the same token. If the original still arrives too, the second delivery finds the timer
/// fired and does nothing, so a lost message can never silently stop a clock. While the timers queue is behind by more
/// than the grace (its front message was due before then) it waits: overdue timers are then most likely queued behind
/// that message, and sending them again would only lengthen the queue. It re-arms once the queue has caught up.
/// </summary>
public sealed class TimerReconciler(CaseRepository cases, TimerScheduler scheduler, StorageLayout layout, IOptions<TimerOptions> options, TimeProvider time, ILogger<TimerReconciler> logger) : IReconciler
{
    public string Name => "timers";

    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - TimeSpan.FromSeconds(options.Value.ReconcileGraceSeconds);
        if (await FrontDueAtAsync(cancellationToken) is { } front && front < before)
        {
            Logs.TimerReconcileDeferred(logger, front);
            return 0;
        }

        var rearmed = 0;
        await foreach (var (subject, timer) in cases.FindOverdueTimersAsync(before, cancellationToken))
        {
            await scheduler.SendAsync(new TimerMessage(subject, timer.Kind, timer.Token, timer.DueAt), cancellationToken);
            Logs.TimerRearmed(logger, timer.Kind, subject, timer.DueAt);
            rearmed++;
        }

        return rearmed;
    }

    /// <summary>When the first visible timer message was due; null when none is waiting (or it is not a timer: the dispatcher parks it).</summary>
    private async Task<DateTimeOffset?> FrontDueAtAsync(CancellationToken cancellationToken)
    {
        var front = (await layout.Queue(StorageLayout.TimersQueue).PeekMessagesAsync(1, cancellationToken)).Value;
        try
        {
            return front.Length == 0 ? null : TimerScheduler.Parse(front[0].Body.ToString()).DueAt;
        }
        catch (FormatException)
        {
            return null;
        }
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
                    catch (RequestFailedException ex)
                    {
                        Logs.ReconcileFailed(logger, ex.Status, ex.ErrorCode);
                    }
                }
            }
        }
    }
}
