using System.Globalization;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.Domain.Sla;

/// <summary>
/// Which clock outcomes a change decides: comparing the case before and after it, the clocks met, breached or cancelled
/// by this change (and breached clocks met late). The change writes them with the case, in its own transaction.
/// </summary>
public static class SlaOutcomes
{
    public static string KeyOf(SlaClockKind clock, DateTimeOffset startedAt) =>
        PolicyJson.EnumValue(clock) + "|" + startedAt.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    public static IReadOnlyList<SlaOutcome> DecidedBy(SupportCase before, SupportCase after, SupportPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(policy);
        var calendars = new SlaCalendars(policy, after.TimeZone);
        var outcomes = new List<SlaOutcome>();
        var closing = after.Status == CaseStatus.Closed && before.Status != CaseStatus.Closed;
        foreach (var clock in after.Sla.Clocks)
        {
            var earlier = before.Sla.Clocks.FirstOrDefault(c => c.Kind == clock.Kind && c.StartedAt == clock.StartedAt);
            var newlyMet = clock.MetAt is not null && earlier?.MetAt is null;
            var newlyBreached = clock.BreachedAt is not null && earlier?.BreachedAt is null;
            if (newlyMet || newlyBreached)
            {
                outcomes.Add(Of(after.Sla, clock, calendars)!);
            }
            else if (closing && clock.MetAt is null && clock.BreachedAt is null)
            {
                outcomes.Add(Cancelled(clock, after.ClosedAt ?? after.UpdatedAt));
            }
        }

        // A clock that disappears unsettled was dropped (a severity without that target): it ends cancelled.
        foreach (var dropped in before.Sla.Clocks.Where(c => c.MetAt is null && c.BreachedAt is null && !after.Sla.Clocks.Any(a => a.Kind == c.Kind && a.StartedAt == c.StartedAt)))
        {
            outcomes.Add(Cancelled(dropped, after.UpdatedAt));
        }

        return outcomes;
    }

    /// <summary>Whether a clock breached: recorded by its timer, or met at or past its target before the timer fired.</summary>
    public static bool IsBreached(SlaState state, SlaClock clock, SlaCalendars calendars)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.BreachedAt is not null || (clock.MetAt is { } met && SlaClocks.Elapsed(state, clock, calendars, met) >= clock.Target);
    }

    /// <summary>The outcome a clock's own state shows (met or breached); null while it runs or stands paused.</summary>
    public static SlaOutcome? Of(SlaState state, SlaClock clock, SlaCalendars calendars)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(calendars);
        if (clock.MetAt is null && clock.BreachedAt is null)
        {
            return null;
        }

        var met = clock.MetAt;
        var business = met is { } m ? SlaClocks.Elapsed(state, clock, calendars, m) : (TimeSpan?)null;

        // Met at or past the target is a breach even when no timer recorded it first (it was about to fire).
        var breached = IsBreached(state, clock, calendars);
        return new SlaOutcome
        {
            Clock = clock.Kind,
            StartedAt = clock.StartedAt,
            Target = clock.Target,
            Outcome = breached ? SlaOutcomeKind.Breached : SlaOutcomeKind.Achieved,
            SettledAt = clock.BreachedAt ?? met!.Value,
            MetAt = met,
            BusinessTimeToMeet = business,
            ElapsedTimeToMeet = met - clock.StartedAt,
        };
    }

    private static SlaOutcome Cancelled(SlaClock clock, DateTimeOffset at) => new()
    {
        Clock = clock.Kind,
        StartedAt = clock.StartedAt,
        Target = clock.Target,
        Outcome = SlaOutcomeKind.Cancelled,
        SettledAt = at,
    };
}
