using SupportFunctions.App.Timers;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.App.Cases;

/// <summary>
/// The customer-change wait's timers: the reminder before the auto-close, and the auto-close itself — each only while
/// the case still awaits the customer in Pending customer (a reply ends the wait and cancels both).
/// </summary>
public sealed class CustomerChangeWaitEffects(CaseChanges changes, SupportPolicy policy, TimeProvider time)
{
    public sealed class Reminder(CustomerChangeWaitEffects effects) : ITimerEffect
    {
        public string Kind => CaseClosing.ReminderTimer;

        public Task FireAsync(TimerMessage timer, CancellationToken cancellationToken) => effects.RemindAsync(timer, cancellationToken);
    }

    public sealed class AutoClose(CustomerChangeWaitEffects effects) : ITimerEffect
    {
        public string Kind => CaseClosing.AutoCloseTimer;

        public Task FireAsync(TimerMessage timer, CancellationToken cancellationToken) => effects.CloseAsync(timer, cancellationToken);
    }

    private Task<SupportCase?> RemindAsync(TimerMessage timer, CancellationToken cancellationToken) => changes.FireAsync(timer, stored =>
    {
        var c = stored.Case;
        var change = new CaseChangeBuilder(c, time.GetUtcNow(), "system");
        if (c.Status == CaseStatus.PendingCustomer && c.AwaitingCustomerChangeSince is { } since)
        {
            var data = new Dictionary<string, string> { ["autoCloseAt"] = (since + policy.Lifecycle.CustomerChangeWait).ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
            change.Record("pending-customer-reminder", data).Notify(NotificationKinds.PendingReminder, c.CustomerRecipients(), data);
        }

        return new CaseChange(change) { FiredTimer = CaseClosing.ReminderTimer };
    }, cancellationToken);

    private Task<SupportCase?> CloseAsync(TimerMessage timer, CancellationToken cancellationToken) => changes.FireAsync(timer, stored =>
    {
        var c = stored.Case;
        var now = time.GetUtcNow();
        var change = new CaseChangeBuilder(c, now, "system");
        if (c.Status == CaseStatus.PendingCustomer && c.AwaitingCustomerChangeSince is not null)
        {
            CaseLifecycle.ChangeStatus(change, policy, CaseStatus.Closed, "no answer within the wait for a customer change");
            const string notice = "Closed because the change on your side was not confirmed within the waiting time. Reply at any time to reopen it.";
            change.Update(x => x with { ClosureReason = "customer-change-timeout", ClosureNotice = notice, AwaitingCustomerChangeSince = null });
            var data = new Dictionary<string, string> { ["notice"] = notice };
            change.Record("auto-closed", data).Notify(NotificationKinds.AutoClosed, c.CustomerRecipients(), data);
        }

        return new CaseChange(change) { Timers = CaseTimers.After(policy, c, change.Case, now), FiredTimer = CaseClosing.AutoCloseTimer };
    }, cancellationToken);
}
