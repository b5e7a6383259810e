using SupportFunctions.Domain.AgentQueues;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Sla;

namespace SupportFunctions.Domain.Tests.AgentQueues;

public class AgentQueueEntryTests
{
    // Sunday 02:00 New York: PureCloud severity 1 answers on the always-open calendar (first response 10 min, restoration 72 h).
    private static readonly DateTimeOffset Created = new(2026, 11, 22, 7, 0, 0, TimeSpan.Zero);
    private static readonly SlaCalendars Calendars = new(ShippedPolicies.PureCloud, "America/New_York");

    private static SupportCase Sev1(CaseStatus status = CaseStatus.New) => new()
    {
        Number = "PC-000001", Subject = "Down", Description = "d", Category = "technical-problem", Status = status, Severity = 1, Team = "technical-support",
        Channel = "web", RequesterEmail = "ana@acme.example", RequesterName = "Ana", AccountId = "acme", Language = "es", TimeZone = "America/New_York",
        CreatedAt = Created, UpdatedAt = Created, Sla = SlaClocks.Start(ShippedPolicies.PureCloud, 1, Created),
    };

    [Fact]
    public void A_new_case_is_due_when_its_first_response_falls_due_and_warns_at_75_percent()
    {
        var entry = AgentQueueEntry.From(Sev1(), ShippedPolicies.PureCloud)!;

        Assert.Equal(SlaClockKind.FirstResponse, entry.DueClock);
        Assert.Equal(Created.AddMinutes(10), entry.DueAt);
        Assert.Equal(Created.AddMinutes(7.5), entry.WarnAt);
        Assert.True(entry.Active);
        Assert.False(entry.AnyBreached);
        Assert.Equal(QueueSlaState.Running, QueueSlaSummary.StateAt(entry, Created.AddMinutes(7)));
        Assert.Equal(QueueSlaState.Warning, QueueSlaSummary.StateAt(entry, Created.AddMinutes(8)));
        Assert.Equal(QueueSlaState.Breached, QueueSlaSummary.StateAt(entry, Created.AddMinutes(10)));

        var summary = QueueSlaSummary.At(entry, Calendars, Created.AddMinutes(4));
        Assert.Equal(360, summary.RemainingSeconds);
        Assert.Equal(-120, QueueSlaSummary.At(entry, Calendars, Created.AddMinutes(12)).RemainingSeconds);
    }

    [Fact]
    public void Once_first_response_is_met_restoration_is_next_due()
    {
        var c = Sev1();
        var answered = c with { Sla = SlaClocks.OnAgentReply(c.Sla, Created.AddMinutes(3)), UpdatedAt = Created.AddMinutes(3) };

        var entry = AgentQueueEntry.From(answered, ShippedPolicies.PureCloud)!;

        Assert.Equal(SlaClockKind.Restoration, entry.DueClock);
        Assert.Equal(Created.AddHours(72), entry.DueAt);
    }

    [Fact]
    public void A_paused_case_has_no_due_instant_and_keeps_its_remaining_time()
    {
        var c = Sev1();
        var paused = c with { Status = CaseStatus.PendingCustomer, Sla = SlaClocks.OnStatus(c.Sla, ShippedPolicies.PureCloud, CaseStatus.PendingCustomer, Created.AddMinutes(4)), UpdatedAt = Created.AddMinutes(4) };

        var entry = AgentQueueEntry.From(paused, ShippedPolicies.PureCloud)!;

        Assert.Null(entry.DueAt);
        Assert.True(entry.Paused);
        Assert.Equal(QueueSlaState.Paused, QueueSlaSummary.StateAt(entry, Created.AddHours(5)));
        Assert.Equal(360, QueueSlaSummary.At(entry, Calendars, Created.AddHours(5)).RemainingSeconds);
    }

    [Fact]
    public void A_breached_clock_keeps_its_breach_instant_as_due_and_marks_the_case_breached()
    {
        var c = Sev1();
        var breached = c with { Sla = c.Sla.With(c.Sla.Find(SlaClockKind.FirstResponse)! with { WarnedAt = Created.AddMinutes(8), BreachedAt = Created.AddMinutes(10) }), UpdatedAt = Created.AddMinutes(10) };

        var entry = AgentQueueEntry.From(breached, ShippedPolicies.PureCloud)!;

        Assert.Equal(Created.AddMinutes(10), entry.DueAt);
        Assert.True(entry.AnyBreached);
        Assert.Equal(QueueSlaState.Breached, QueueSlaSummary.StateAt(entry, Created.AddMinutes(11)));
    }

    [Fact]
    public void A_closed_case_is_not_in_the_queue_and_one_without_clocks_is_none()
    {
        Assert.Null(AgentQueueEntry.From(Sev1(CaseStatus.Closed), ShippedPolicies.PureCloud));

        var noClocks = AgentQueueEntry.From(Sev1() with { Sla = new SlaState() }, ShippedPolicies.PureCloud)!;
        Assert.Equal(QueueSlaState.None, QueueSlaSummary.StateAt(noClocks, Created));
        Assert.Null(QueueSlaSummary.At(noClocks, Calendars, Created).Clock);
    }
}
