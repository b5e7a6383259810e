using SupportFunctions.App.Notifications;
using SupportFunctions.App.Timers;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Storage;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Cases;

/// <summary>
/// Applies changes to cases: read, decide, send any timer messages, commit case, events, intents and timer tokens in
/// one transaction guarded by the case's ETag (on a concurrent change, read again and decide again), then queue the
/// committed intents for delivery.
/// </summary>
public sealed class CaseChanges(CaseRepository cases, TimerScheduler scheduler, NotificationDispatcher notifications)
{
    private const int MaxAttempts = 8;

    /// <summary>The updated case; null when there is no such case. A decision of null means "nothing to change".</summary>
    public Task<SupportCase?> ApplyAsync(string number, Func<StoredCase, CaseChange?> decide, CancellationToken cancellationToken) =>
        ApplyAsync(number, null, null, decide, cancellationToken);

    /// <summary>
    /// Applies the change an inbound item (a mail, a call event) causes, once: the item's receipt is written in the same
    /// transaction, and an item whose receipt the case already has changes nothing — however often it is delivered.
    /// </summary>
    public Task<SupportCase?> ApplyOnceAsync(string number, string receipt, Func<StoredCase, CaseChange?> decide, CancellationToken cancellationToken) =>
        ApplyAsync(number, null, receipt, decide, cancellationToken);

    /// <summary>
    /// Applies the change a fired timer causes, only while that timer is still current and armed. The timer row is read
    /// after the case on every attempt and written only under the case's ETag, so of two concurrent deliveries one
    /// commits and the other, retrying, finds the timer fired and does nothing.
    /// </summary>
    public Task<SupportCase?> FireAsync(TimerMessage timer, Func<StoredCase, CaseChange?> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return ApplyAsync(timer.Subject, timer, null, decide, cancellationToken);
    }

    private async Task<SupportCase?> ApplyAsync(string number, TimerMessage? firing, string? receipt, Func<StoredCase, CaseChange?> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await cases.GetAsync(number, cancellationToken);
            if (stored is null)
            {
                return null;
            }

            if (firing is not null)
            {
                var current = await cases.GetTimerAsync(number, firing.Kind, cancellationToken);
                if (current is null || current.State != TimerState.Armed || current.Token != firing.Token)
                {
                    return stored.Case;
                }
            }

            if (receipt is not null && await cases.HasReceiptAsync(number, receipt, cancellationToken))
            {
                return stored.Case;
            }

            var change = decide(stored);
            if (change is null)
            {
                return stored.Case;
            }

            var timers = new List<TimerRecord>();
            foreach (var (kind, due) in change.Timers)
            {
                timers.Add(due is { } at ? await scheduler.ScheduleAsync(number, kind, at, cancellationToken) : scheduler.Cancel(kind));
            }

            if (change.FiredTimer is { } fired && !change.Timers.ContainsKey(fired))
            {
                timers.Add(new TimerRecord(fired, Guid.NewGuid().ToString("N"), change.Built.At, TimerState.Fired));
            }

            try
            {
                await cases.ApplyAsync(stored, change.Built.Case, change.Built.Events, change.Built.Intents, change.Attachments, timers, receipt, cancellationToken);
                await notifications.DispatchAsync(change.Built.Intents, cancellationToken);
                return change.Built.Case;
            }
            catch (StorageConcurrencyException) when (attempt < MaxAttempts)
            {
                // Someone changed the case since we read it; the timer messages sent for this attempt carry tokens
                // that were never committed, so they will be dropped on delivery.
            }
        }
    }
}
