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
        Assert.Equal(Now, CaseClosing.WaitBegun(Open(), change.Case));
        var schedule = CaseClosing.WaitSchedule(ShippedPolicies.Everbridge, Now);
        Assert.Equal(Now.AddDays(7), schedule.ClosesAt);
        Assert.Equal(Now.AddDays(5), schedule.RemindAt);
        Assert.Null(CaseClosing.WaitBegun(change.Case, change.Case));
    }

    [Fact]
    public void Leaving_pending_customer_ends_the_wait_and_its_reminder_and_auto_close_do_nothing()
    {
        var waiting = CaseClosing.Close(new CaseChangeBuilder(Open(), Now, "agent:sam"), ShippedPolicies.Everbridge, ClosureReason.CustomerChange, null, null, null, null).Case;
        var replied = CaseLifecycle.CustomerReply(new CaseChangeBuilder(waiting, Now.AddDays(6), "contact:ana"), ShippedPolicies.Everbridge, "done").Case;

        Assert.Null(replied.AwaitingCustomerChangeSince);
        Assert.Equal(Now, CaseClosing.WaitEnded(waiting, replied));
        Assert.Null(CaseClosing.WaitBegun(waiting, replied));
        var late = new CaseChangeBuilder(replied, Now.AddDays(7), "system");
        Assert.False(CaseClosing.RemindOfWait(late, ShippedPolicies.Everbridge, Now));
        Assert.False(CaseClosing.CloseAfterWait(late, ShippedPolicies.Everbridge, Now));
        Assert.Empty(late.Events);
    }

    [Fact]
    public void The_end_of_a_wait_closes_only_that_wait_with_the_reason_and_notice()
    {
        var waiting = CaseClosing.Close(new CaseChangeBuilder(Open(), Now, "agent:sam"), ShippedPolicies.Everbridge, ClosureReason.CustomerChange, null, null, null, null).Case;

        var older = new CaseChangeBuilder(waiting, Now.AddDays(7), "system");
        Assert.False(CaseClosing.CloseAfterWait(older, ShippedPolicies.Everbridge, Now.AddDays(-3)));

        var due = new CaseChangeBuilder(waiting, Now.AddDays(7), "system");
        Assert.True(CaseClosing.CloseAfterWait(due, ShippedPolicies.Everbridge, Now));
        Assert.Equal(CaseStatus.Closed, due.Case.Status);
        Assert.Equal("customerChangeTimeout", due.Case.ClosureReason);
        Assert.Equal("Cerrado porque el cambio de su parte no se confirmó dentro del plazo de espera. Responda en cualquier momento para reabrirlo.", due.Case.ClosureNotice);
        Assert.Null(due.Case.AwaitingCustomerChangeSince);
        Assert.Contains("auto-closed", due.Events.Select(e => e.Type));
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
