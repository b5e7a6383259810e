using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Sla;

namespace SupportFunctions.Domain.Tests.Sla;

public class SlaOutcomesTests
{
    // Friday 16:30 New York: PureCloud severity 2 answers first within 1 business hour (Monday 08:30).
    private static readonly DateTimeOffset Created = new(2026, 11, 20, 21, 30, 0, TimeSpan.Zero);

    private static SupportCase Sev2() => new()
    {
        Number = "PC-000001", Subject = "s", Description = "d", Category = "technical-problem", Status = CaseStatus.New, Severity = 2, Team = "technical-support",
        Channel = "web", RequesterEmail = "ana@acme.example", Language = "es", TimeZone = "America/New_York", CreatedAt = Created, UpdatedAt = Created,
        Sla = SlaClocks.Start(ShippedPolicies.PureCloud, 2, Created),
    };

    [Fact]
    public void A_reply_in_time_achieves_first_response_in_business_time_not_wall_time()
    {
        var before = Sev2();
        var monday0815 = new DateTimeOffset(2026, 11, 23, 13, 15, 0, TimeSpan.Zero);
        var after = before with { Sla = SlaClocks.OnAgentReply(before.Sla, monday0815), UpdatedAt = monday0815 };

        var outcome = Assert.Single(SlaOutcomes.DecidedBy(before, after, ShippedPolicies.PureCloud));

        Assert.Equal(SlaOutcomeKind.Achieved, outcome.Outcome);
        Assert.Equal(SlaClockKind.FirstResponse, outcome.Clock);
        Assert.Equal(TimeSpan.FromMinutes(45), outcome.BusinessTimeToMeet);
        Assert.Equal(monday0815 - Created, outcome.ElapsedTimeToMeet);
    }

    [Fact]
    public void A_breach_is_an_outcome_at_once_and_a_late_reply_adds_the_time_it_took()
    {
        var before = Sev2();
        var monday0831 = new DateTimeOffset(2026, 11, 23, 13, 31, 0, TimeSpan.Zero);
        var breached = before with { Sla = SlaClocks.Evaluate(before.Sla, new SlaCalendars(ShippedPolicies.PureCloud, before.TimeZone), 75, monday0831).State };

        var atBreach = Assert.Single(SlaOutcomes.DecidedBy(before, breached, ShippedPolicies.PureCloud));
        Assert.Equal(SlaOutcomeKind.Breached, atBreach.Outcome);
        Assert.Null(atBreach.MetAt);

        var monday0900 = monday0831.AddMinutes(29);
        var late = breached with { Sla = SlaClocks.OnAgentReply(breached.Sla, monday0900) };
        var amended = Assert.Single(SlaOutcomes.DecidedBy(breached, late, ShippedPolicies.PureCloud));
        Assert.Equal(SlaOutcomeKind.Breached, amended.Outcome);
        Assert.Equal(atBreach.Key, amended.Key);
        Assert.Equal(TimeSpan.FromMinutes(90), amended.BusinessTimeToMeet);
    }

    [Fact]
    public void A_reply_past_the_target_is_a_breach_even_before_a_timer_recorded_it()
    {
        var before = Sev2();
        var monday0845 = new DateTimeOffset(2026, 11, 23, 13, 45, 0, TimeSpan.Zero);
        var after = before with { Sla = SlaClocks.OnAgentReply(before.Sla, monday0845), UpdatedAt = monday0845 };

        var outcome = Assert.Single(SlaOutcomes.DecidedBy(before, after, ShippedPolicies.PureCloud));

        Assert.Equal(SlaOutcomeKind.Breached, outcome.Outcome);
        Assert.Equal(TimeSpan.FromMinutes(75), outcome.BusinessTimeToMeet);
    }

    [Fact]
    public void Closing_cancels_the_clocks_still_running()
    {
        var before = Sev2();
        var closedAt = Created.AddMinutes(5);
        var closed = before with { Status = CaseStatus.Closed, ClosedAt = closedAt, UpdatedAt = closedAt };

        var outcomes = SlaOutcomes.DecidedBy(before, closed, ShippedPolicies.PureCloud);

        Assert.Equal([SlaClockKind.FirstResponse, SlaClockKind.Restoration], outcomes.Select(o => o.Clock));
        Assert.All(outcomes, o => Assert.Equal((SlaOutcomeKind.Cancelled, closedAt), (o.Outcome, o.SettledAt)));
    }
}
