using System.Xml;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Domain.Sla;

namespace SupportFunctions.App.Sla;

/// <summary>A case's SLA as the API shows it: per clock its target, due time (UTC and the customer's local time), elapsed and remaining business time, and state; plus the pause ledger.</summary>
public sealed record SlaView(string Number, int Severity, string TimeZone, bool Paused, IReadOnlyList<SlaClockView> Clocks, IReadOnlyList<SlaPause> Pauses)
{
    public static SlaView From(SupportCase c, SupportPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(policy);
        var calendars = new SlaCalendars(policy, c.TimeZone);
        var clocks = c.Sla.Clocks.Select(clock =>
        {
            var elapsed = SlaClocks.Elapsed(c.Sla, clock, calendars, now);
            var remaining = clock.Target - elapsed;
            var due = clock.BreachedAt is null ? SlaClocks.DueAt(c.Sla, clock, calendars, now) : null;
            return new SlaClockView(
                PolicyJson.EnumValue(clock.Kind),
                PolicyJson.EnumValue(SlaClocks.StateOf(c.Sla, clock)),
                XmlConvert.ToString(clock.Target),
                clock.CalendarId,
                clock.StartedAt,
                due,
                due is { } d ? TimeZoneInfo.ConvertTime(d, calendars.CustomerTimeZone) : null,
                XmlConvert.ToString(elapsed),
                (long)elapsed.TotalSeconds,
                XmlConvert.ToString(remaining < TimeSpan.Zero ? TimeSpan.Zero : remaining),
                (long)remaining.TotalSeconds,
                clock.WarnedAt,
                clock.BreachedAt,
                clock.MetAt);
        }).ToList();
        return new SlaView(c.Number, c.Severity, c.TimeZone, c.Sla.IsPaused, clocks, c.Sla.Pauses);
    }
}

/// <summary>One clock. Durations are ISO 8601; the *Seconds twins are for arithmetic (remaining is negative once overdue).</summary>
public sealed record SlaClockView(
    string Kind,
    string State,
    string Target,
    string Calendar,
    DateTimeOffset StartedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? DueAtLocal,
    string Elapsed,
    long ElapsedSeconds,
    string Remaining,
    long RemainingSeconds,
    DateTimeOffset? WarnedAt,
    DateTimeOffset? BreachedAt,
    DateTimeOffset? MetAt);
