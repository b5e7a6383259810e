using SupportFunctions.Domain.Cases;

namespace SupportFunctions.Domain.Tests.Cases;

public class CaseClosingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    private static SupportCase Open() => new()
    {
        Number = "CS-000009", Subject = "s", Description = "d", Category = "general-question", Status = CaseStatus.Open, Severity = 3, Team = "support",
        Channel = "web", RequesterEmail = "ana@acme.example", Language = "es", TimeZone = "UTC", CreatedAt = Now.AddDays(-1), UpdatedAt = Now.AddDays(-1),
    };

    [Fact]
    public void A_customer_change_waits_one_week_with_the_reminder_two_days_before()
    {
        var change = CaseClosing.Close(new CaseChangeBuilder(Open(), Now, "agent:sam"), ShippedPolicies.Everbridge, ClosureReason.CustomerChange, null, null, null, null);

        Assert.Equal(CaseStatus.PendingCustomer, change.Case.Status);
        var timers = CaseClosing.Timers(ShippedPolicies.Everbridge, Open(), change.Case);
        Assert.Equal(Now.AddDays(7), timers[CaseClosing.AutoCloseTimer]);
        Assert.Equal(Now.AddDays(5), timers[CaseClosing.ReminderTimer]);
        Assert.Empty(CaseClosing.Timers(ShippedPolicies.Everbridge, change.Case, change.Case));
    }

    [Fact]
    public void Leaving_pending_customer_ends_the_wait_and_cancels_both_timers()
    {
        var waiting = CaseClosing.Close(new CaseChangeBuilder(Open(), Now, "agent:sam"), ShippedPolicies.Everbridge, ClosureReason.CustomerChange, null, null, null, null).Case;
        var replied = CaseClosing.EndWaitIfLeft(CaseLifecycle.CustomerReply(new CaseChangeBuilder(waiting, Now.AddDays(6), "contact:ana"), ShippedPolicies.Everbridge, "done").Case);

        Assert.Null(replied.AwaitingCustomerChangeSince);
        var timers = CaseClosing.Timers(ShippedPolicies.Everbridge, waiting, replied);
        Assert.Null(timers[CaseClosing.AutoCloseTimer]);
        Assert.Null(timers[CaseClosing.ReminderTimer]);
    }

    [Fact]
    public void Resolving_passes_through_solved_and_meets_restoration()
    {
        var change = CaseClosing.Close(new CaseChangeBuilder(Open(), Now, "agent:sam"), ShippedPolicies.Everbridge, ClosureReason.Resolved, "fixed", null, null, null);
        Assert.Equal(CaseStatus.Closed, change.Case.Status);
        Assert.Equal("resolved", change.Case.ClosureReason);
        Assert.Equal(["status-changed", "status-changed", "closed"], change.Events.Select(e => e.Type));
        Assert.Equal(Now, change.Case.ClosedAt);
    }
}
