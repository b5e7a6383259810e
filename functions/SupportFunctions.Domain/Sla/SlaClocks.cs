using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.Domain.Sla;

/// <summary>
/// The SLA rules: which clocks a case gets, how pauses and severity changes affect them, when a warning or breach is
/// due, and what has become due at a given instant. Pure: every method takes the instant it reasons about.
/// </summary>
public static class SlaClocks
{
    /// <summary>Clocks for a new case: first response and restoration where the policy sets targets for its severity.</summary>
    public static SlaState Start(SupportPolicy policy, int severity, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var target = TargetFor(policy, severity);
        if (target is null)
        {
            return new SlaState();
        }

        var clocks = new List<SlaClock>();
        if (target.FirstResponse is { } firstResponse)
        {
            clocks.Add(NewClock(SlaClockKind.FirstResponse, firstResponse, target.Calendar, createdAt));
        }

        if (target.Restoration is { } restoration)
        {
            clocks.Add(NewClock(SlaClockKind.Restoration, restoration, target.RestorationCalendar ?? target.Calendar, createdAt));
        }

        return new SlaState { Clocks = clocks };
    }

    /// <summary>Business time a clock has counted by <paramref name="at"/> (stopping when it was met), pauses excluded.</summary>
    public static TimeSpan Elapsed(SlaState state, SlaClock clock, SlaCalendars calendars, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(calendars);
        var calendar = calendars[clock.CalendarId];
        var end = clock.MetAt is { } met && met < at ? met : at;
        var elapsed = clock.ElapsedBefore + calendar.Elapsed(clock.SegmentStart, end);
        foreach (var pause in state.Pauses)
        {
            var from = pause.From > clock.SegmentStart ? pause.From : clock.SegmentStart;
            var to = pause.To is { } closed && closed < end ? closed : end;
            elapsed -= calendar.Elapsed(from, to);
        }

        return elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed;
    }

    public static SlaClockState StateOf(SlaState state, SlaClock clock)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(clock);
        return clock.BreachedAt is not null ? SlaClockState.Breached
            : clock.MetAt is not null ? SlaClockState.Met
            : state.IsPaused ? SlaClockState.Paused
            : SlaClockState.Running;
    }

    /// <summary>When a running clock reaches its target if nothing pauses it; null when met or paused.</summary>
    public static DateTimeOffset? DueAt(SlaState state, SlaClock clock, SlaCalendars calendars, DateTimeOffset at) =>
        ThresholdAt(state, clock, calendars, at, clock.Target);

    /// <summary>When a clock reaches the warning percentage of its target (or did); null when met or paused.</summary>
    public static DateTimeOffset? WarningAt(SlaState state, SlaClock clock, SlaCalendars calendars, int warningPercent, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.WarnedAt ?? ThresholdAt(state, clock, calendars, at, WarningThreshold(clock, warningPercent));
    }

    /// <summary>Warnings and breaches crossed by <paramref name="at"/> and not yet recorded, and the state recording them.</summary>
    public static (SlaState State, IReadOnlyList<SlaEffect> Effects) Evaluate(SlaState state, SlaCalendars calendars, int warningPercent, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);
        var effects = new List<SlaEffect>();
        foreach (var clock in state.Clocks.Where(c => c.MetAt is null && c.BreachedAt is null))
        {
            var elapsed = Elapsed(state, clock, calendars, at);
            var updated = clock;
            if (elapsed >= clock.Target)
            {
                updated = updated with { BreachedAt = at, WarnedAt = updated.WarnedAt ?? at };
                if (clock.WarnedAt is null)
                {
                    effects.Add(new SlaEffect(clock.Kind, SlaEffectKind.Warning, clock.Target, elapsed));
                }

                effects.Add(new SlaEffect(clock.Kind, SlaEffectKind.Breach, clock.Target, elapsed));
            }
            else if (clock.WarnedAt is null && elapsed >= WarningThreshold(clock, warningPercent))
            {
                updated = updated with { WarnedAt = at };
                effects.Add(new SlaEffect(clock.Kind, SlaEffectKind.Warning, clock.Target, elapsed));
            }

            state = state.With(updated);
        }

        return (state, effects);
    }

    /// <summary>The next instant a warning or breach falls due for any running clock; null when nothing can fall due.</summary>
    public static DateTimeOffset? NextCheckAt(SlaState state, SlaCalendars calendars, int warningPercent, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);
        DateTimeOffset? next = null;
        foreach (var clock in state.Clocks.Where(c => c.MetAt is null && c.BreachedAt is null))
        {
            var threshold = clock.WarnedAt is null ? WarningThreshold(clock, warningPercent) : clock.Target;
            if (ThresholdAt(state, clock, calendars, at, threshold) is { } due && (next is null || due < next))
            {
                next = due;
            }
        }

        return next;
    }

    /// <summary>Opens a pause (once) when the case enters a status the policy pauses on, and closes it when it leaves.</summary>
    public static SlaState OnStatus(SlaState state, SupportPolicy policy, CaseStatus status, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(policy);
        var pauses = policy.Sla.PauseOn.Contains(status.ToString(), StringComparer.OrdinalIgnoreCase);
        if (pauses && !state.IsPaused)
        {
            return state with { Pauses = [.. state.Pauses, new SlaPause(at, null, status.ToString())] };
        }

        if (!pauses && state.IsPaused)
        {
            return state with { Pauses = [.. state.Pauses.Take(state.Pauses.Count - 1), state.Pauses[^1] with { To = at }] };
        }

        return state;
    }

    /// <summary>The first public agent reply meets first response (and any next-reply clock).</summary>
    public static SlaState OnAgentReply(SlaState state, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var kind in new[] { SlaClockKind.FirstResponse, SlaClockKind.NextReply })
        {
            if (state.Find(kind) is { MetAt: null } clock)
            {
                state = state.With(clock with { MetAt = at });
            }
        }

        return state;
    }

    /// <summary>A customer reply starts the next-reply clock where the policy sets one, once first response is met.</summary>
    public static SlaState OnCustomerReply(SlaState state, SupportPolicy policy, int severity, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);
        var target = TargetFor(policy, severity);
        if (target?.NextReply is not { } nextReply || state.Find(SlaClockKind.FirstResponse) is { MetAt: null } || state.Find(SlaClockKind.NextReply) is { MetAt: null, BreachedAt: null })
        {
            return state;
        }

        return state.With(NewClock(SlaClockKind.NextReply, nextReply, target.Calendar, at));
    }

    /// <summary>Service restored (solved) meets the restoration clock.</summary>
    public static SlaState OnRestored(SlaState state, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Find(SlaClockKind.Restoration) is { MetAt: null } clock ? state.With(clock with { MetAt = at }) : state;
    }

    /// <summary>
    /// A severity change recomputes targets and calendars from the policy, keeping the business time already elapsed:
    /// the current segment is closed into <see cref="SlaClock.ElapsedBefore"/> and a new one starts now.
    /// </summary>
    public static SlaState OnSeverityChange(SlaState state, SupportPolicy policy, SlaCalendars calendars, int newSeverity, DateTimeOffset createdAt, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(policy);
        var target = TargetFor(policy, newSeverity);
        var clocks = new List<SlaClock>();
        foreach (var kind in Enum.GetValues<SlaClockKind>())
        {
            var existing = state.Find(kind);
            var (duration, calendar) = kind switch
            {
                SlaClockKind.FirstResponse => (target?.FirstResponse, target?.Calendar),
                SlaClockKind.Restoration => (target?.Restoration, target?.RestorationCalendar ?? target?.Calendar),
                _ => (target?.NextReply, target?.Calendar),
            };
            if (existing is { MetAt: not null } || existing is { BreachedAt: not null })
            {
                clocks.Add(existing);
            }
            else if (duration is { } newTarget && calendar is not null)
            {
                var elapsed = existing is null
                    ? Elapsed(state, NewClock(kind, newTarget, calendar, createdAt), calendars, at)
                    : Elapsed(state, existing, calendars, at);
                if (existing is not null || kind != SlaClockKind.NextReply)
                {
                    clocks.Add(new SlaClock
                    {
                        Kind = kind,
                        Target = newTarget,
                        CalendarId = calendar,
                        StartedAt = existing?.StartedAt ?? createdAt,
                        SegmentStart = at,
                        ElapsedBefore = elapsed,
                        WarnedAt = existing?.WarnedAt,
                    });
                }
            }
        }

        return state with { Clocks = clocks.OrderBy(c => c.Kind).ToList() };
    }

    public static SlaTarget? TargetFor(SupportPolicy policy, int severity)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Sla.Targets.FirstOrDefault(t => t.Severity == severity);
    }

    private static TimeSpan WarningThreshold(SlaClock clock, int warningPercent) => clock.Target * (warningPercent / 100.0);

    private static DateTimeOffset? ThresholdAt(SlaState state, SlaClock clock, SlaCalendars calendars, DateTimeOffset at, TimeSpan threshold)
    {
        if (clock.MetAt is not null || state.IsPaused)
        {
            return null;
        }

        var remaining = threshold - Elapsed(state, clock, calendars, at);
        return calendars[clock.CalendarId].Add(at, remaining < TimeSpan.Zero ? TimeSpan.Zero : remaining);
    }

    private static SlaClock NewClock(SlaClockKind kind, TimeSpan target, string calendar, DateTimeOffset at) =>
        new() { Kind = kind, Target = target, CalendarId = calendar, StartedAt = at, SegmentStart = at };
}
