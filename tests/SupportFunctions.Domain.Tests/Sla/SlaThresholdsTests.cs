using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Sla;

namespace SupportFunctions.Domain.Tests.Sla;

public class SlaThresholdsTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 20, 21, 30, 0, TimeSpan.Zero); // Friday 16:30 New York

    private static SupportCase Sev2() => new()
    {
        Number = "PC-000001", Subject = "s", Description = "d", Category = "technical-problem", Status = CaseStatus.New, Severity = 2, Team = "technical-support",
        Channel = "web", RequesterEmail = "ana@acme.example", Language = "es", TimeZone = "America/New_York", CreatedAt = Created, UpdatedAt = Created,
        Sla = SlaClocks.Start(ShippedPolicies.PureCloud, 2, Created),
    };

    [Fact]
    public void A_breach_notifies_team_and_lead_and_escalates_once()
    {
        var mondayNoon = new DateTimeOffset(2026, 11, 23, 17, 0, 0, TimeSpan.Zero);
        var change = new CaseChangeBuilder(Sev2(), mondayNoon, "system");

        SlaThresholds.Apply(change, ShippedPolicies.PureCloud);

        // First response (1 business hour) is breached; restoration (72 h around the clock) has run 67.5 h: warned only.
        Assert.Equal(["sla-warning", "sla-breached", "escalated", "sla-warning"], change.Events.Select(e => e.Type));
        Assert.All(change.Events, e => Assert.Equal(EventVisibility.Internal, e.Visibility));
        Assert.Equal(["team:technical-support", "team:support-escalations"], change.Intents.First(i => i.Kind == NotificationKinds.SlaBreach).Recipients);
        Assert.Equal(mondayNoon, change.Case.EscalatedAt);
        Assert.Single(change.Intents, i => i.Kind == NotificationKinds.EscalationReceived);

        var again = new CaseChangeBuilder(change.Case, mondayNoon.AddHours(1), "system");
        SlaThresholds.Apply(again, ShippedPolicies.PureCloud);
        Assert.Empty(again.Events);
    }

    [Fact]
    public void The_next_check_is_the_next_threshold_and_a_closed_case_has_none()
    {
        var friday1631 = Created.AddMinutes(1);

        // The earliest threshold of the running clocks: restoration's 75 % warning (54 of 72 h around the clock) on
        // Monday 03:30 UTC comes before first response's (45 business minutes: Friday's last 30, then Monday 08:15 New York).
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 3, 30, 0, TimeSpan.Zero), SlaPlanner.NextCheck(ShippedPolicies.PureCloud, Sev2(), friday1631));
        Assert.Null(SlaPlanner.NextCheck(ShippedPolicies.PureCloud, Sev2() with { Status = CaseStatus.Closed }, friday1631));
    }
}
