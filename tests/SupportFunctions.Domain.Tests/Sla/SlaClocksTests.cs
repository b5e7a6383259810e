using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Sla;

namespace SupportFunctions.Domain.Tests.Sla;

public class SlaClocksTests
{
    private const string Zone = "America/New_York";
    private static readonly SlaCalendars Calendars = new(ShippedPolicies.PureCloud, Zone);

    private static DateTimeOffset Ny(int month, int day, int hour, int minute) =>
        new(new DateTime(2026, month, day, hour, minute, 0), TimeZoneInfo.FindSystemTimeZoneById(Zone).GetUtcOffset(new DateTime(2026, month, day, hour, minute, 0)));

    private static SlaClock FirstResponse(SlaState state) => state.Find(SlaClockKind.FirstResponse)!;

    [Fact]
    public void PureCloud_sev2_created_friday_1630_is_due_monday_0830_and_warns_at_0815()
    {
        var created = Ny(11, 20, 16, 30);
        var state = SlaClocks.Start(ShippedPolicies.PureCloud, 2, created);

        Assert.Equal(Ny(11, 23, 8, 30), SlaClocks.DueAt(state, FirstResponse(state), Calendars, created));
        Assert.DoesNotContain(SlaClocks.Evaluate(state, Calendars, 75, Ny(11, 23, 8, 14)).Effects, e => e.Clock == SlaClockKind.FirstResponse);
        Assert.Contains(SlaClocks.Evaluate(state, Calendars, 75, Ny(11, 23, 8, 15)).Effects, e => e is { Clock: SlaClockKind.FirstResponse, Kind: SlaEffectKind.Warning });

        // Restoration runs around the clock (72 h): its 75 % warning, Sunday 22:30, is the first thing due.
        Assert.Equal(TimeSpan.FromHours(72), state.Find(SlaClockKind.Restoration)!.Target);
        Assert.Equal("always", state.Find(SlaClockKind.Restoration)!.CalendarId);
        Assert.Equal(Ny(11, 22, 22, 30), SlaClocks.NextCheckAt(state, Calendars, 75, created));
    }

    [Fact]
    public void PureCloud_sev1_at_0200_sunday_is_due_0210()
    {
        var created = Ny(11, 22, 2, 0);
        var state = SlaClocks.Start(ShippedPolicies.PureCloud, 1, created);
        Assert.Equal(created.AddMinutes(10), SlaClocks.DueAt(state, FirstResponse(state), Calendars, created));
        Assert.Equal(created.AddMinutes(7.5), SlaClocks.NextCheckAt(state, Calendars, 75, created));
    }

    [Fact]
    public void PureCloud_sev4_first_response_is_one_business_day()
    {
        var created = Ny(11, 18, 12, 0);
        var state = SlaClocks.Start(ShippedPolicies.PureCloud, 4, created);
        Assert.Equal(Ny(11, 19, 12, 0), SlaClocks.DueAt(state, FirstResponse(state), Calendars, created));
    }

    [Fact]
    public void Warning_then_breach_are_each_reported_once()
    {
        var state = SlaClocks.Start(ShippedPolicies.PureCloud, 2, Ny(11, 20, 16, 30));

        var (warned, warning) = SlaClocks.Evaluate(state, Calendars, 75, Ny(11, 23, 8, 20));
        Assert.Equal([SlaEffectKind.Warning], warning.Where(e => e.Clock == SlaClockKind.FirstResponse).Select(e => e.Kind));
        Assert.Empty(SlaClocks.Evaluate(warned, Calendars, 75, Ny(11, 23, 8, 25)).Effects);
        Assert.Equal(Ny(11, 23, 8, 30), SlaClocks.NextCheckAt(warned, Calendars, 75, Ny(11, 23, 8, 20)));

        var (breached, breach) = SlaClocks.Evaluate(warned, Calendars, 75, Ny(11, 23, 8, 31));
        Assert.Equal([SlaEffectKind.Breach], breach.Where(e => e.Clock == SlaClockKind.FirstResponse).Select(e => e.Kind));
        Assert.Equal(SlaClockState.Breached, SlaClocks.StateOf(breached, FirstResponse(breached)));
        Assert.Empty(SlaClocks.Evaluate(breached, Calendars, 75, Ny(11, 23, 9, 0)).Effects);
    }

    [Fact]
    public void A_late_check_reports_the_warning_and_the_breach_together()
    {
        var state = SlaClocks.Start(ShippedPolicies.PureCloud, 2, Ny(11, 20, 16, 30));
        var (_, effects) = SlaClocks.Evaluate(state, Calendars, 75, Ny(11, 23, 12, 0));
        Assert.Equal([SlaEffectKind.Warning, SlaEffectKind.Breach], effects.Where(e => e.Clock == SlaClockKind.FirstResponse).Select(e => e.Kind));
    }

    [Fact]
    public void Pending_customer_pauses_the_clock_and_the_ledger_records_from_to_and_reason()
    {
        var policy = ShippedPolicies.PureCloud;
        var state = SlaClocks.Start(policy, 2, Ny(11, 20, 16, 30));
        state = SlaClocks.OnStatus(state, policy, CaseStatus.PendingCustomer, Ny(11, 23, 8, 0));
        Assert.True(state.IsPaused);
        Assert.Null(SlaClocks.NextCheckAt(state, Calendars, 75, Ny(11, 23, 9, 0)));
        Assert.Equal(SlaClockState.Paused, SlaClocks.StateOf(state, FirstResponse(state)));
        Assert.Equal(state, SlaClocks.OnStatus(state, policy, CaseStatus.OnHold, Ny(11, 23, 9, 0)));

        state = SlaClocks.OnStatus(state, policy, CaseStatus.Open, Ny(11, 23, 10, 0));
        var pause = Assert.Single(state.Pauses);
        Assert.Equal(new SlaPause(Ny(11, 23, 8, 0), Ny(11, 23, 10, 0), "PendingCustomer"), pause);
        Assert.Equal(TimeSpan.FromMinutes(40), SlaClocks.Elapsed(state, FirstResponse(state), Calendars, Ny(11, 23, 10, 10)));
        Assert.Equal(Ny(11, 23, 10, 30), SlaClocks.DueAt(state, FirstResponse(state), Calendars, Ny(11, 23, 10, 10)));
    }

    [Fact]
    public void The_first_public_agent_reply_meets_first_response_and_stops_its_clock()
    {
        var state = SlaClocks.Start(ShippedPolicies.PureCloud, 2, Ny(11, 20, 16, 30));
        state = SlaClocks.OnAgentReply(state, Ny(11, 20, 16, 50));
        Assert.Equal(SlaClockState.Met, SlaClocks.StateOf(state, FirstResponse(state)));
        Assert.Equal(TimeSpan.FromMinutes(20), SlaClocks.Elapsed(state, FirstResponse(state), Calendars, Ny(11, 30, 8, 0)));
        Assert.DoesNotContain(SlaClocks.Evaluate(state, Calendars, 75, Ny(11, 24, 8, 0)).Effects, e => e.Clock == SlaClockKind.FirstResponse);
        Assert.Equal(Ny(11, 20, 16, 30).AddHours(54), SlaClocks.NextCheckAt(state, Calendars, 75, Ny(11, 20, 16, 50)));
    }

    [Fact]
    public void A_severity_change_keeps_elapsed_time_and_recomputes_the_target()
    {
        var policy = ShippedPolicies.PureCloud;
        var created = Ny(11, 16, 9, 0);
        var sev3 = SlaClocks.Start(policy, 3, created);

        var lowered = SlaClocks.OnSeverityChange(sev3, policy, Calendars, 4, created, Ny(11, 16, 10, 0));
        Assert.Equal(TimeSpan.FromHours(9), FirstResponse(lowered).Target);
        Assert.Equal(TimeSpan.FromHours(1), FirstResponse(lowered).ElapsedBefore);
        Assert.Equal(Ny(11, 17, 9, 0), SlaClocks.DueAt(lowered, FirstResponse(lowered), Calendars, Ny(11, 16, 10, 0)));

        var raised = SlaClocks.OnSeverityChange(sev3, policy, Calendars, 2, created, Ny(11, 16, 10, 0));
        Assert.Equal(TimeSpan.FromHours(1), FirstResponse(raised).Target);
        Assert.Contains(SlaClocks.Evaluate(raised, Calendars, 75, Ny(11, 16, 10, 0)).Effects, e => e is { Clock: SlaClockKind.FirstResponse, Kind: SlaEffectKind.Breach });
        var restoration = raised.Find(SlaClockKind.Restoration)!;
        Assert.Equal(TimeSpan.FromHours(1), restoration.ElapsedBefore);
        Assert.Equal(created, restoration.StartedAt);
    }

    [Fact]
    public void Raising_to_sev1_switches_to_the_always_open_calendar()
    {
        var policy = ShippedPolicies.PureCloud;
        var created = Ny(11, 20, 16, 50);
        var sev3 = SlaClocks.Start(policy, 3, created);
        var sev1 = SlaClocks.OnSeverityChange(sev3, policy, Calendars, 1, created, Ny(11, 20, 16, 55));
        Assert.Equal("always", FirstResponse(sev1).CalendarId);
        Assert.Equal(Ny(11, 20, 17, 0), SlaClocks.DueAt(sev1, FirstResponse(sev1), Calendars, Ny(11, 20, 16, 55)));
    }

    [Fact]
    public void A_policy_without_targets_starts_no_clocks()
    {
        Assert.Empty(SlaClocks.Start(ShippedPolicies.Everbridge, 1, Ny(11, 20, 10, 0)).Clocks);
    }
}
