namespace SupportFunctions.Domain.Sla;

/// <summary>
/// How one SLA clock ended: met within its target (achieved), breached (and, if met later, when), or cancelled (the
/// case closed, or a severity change dropped the clock, before either). Keyed by clock kind and start, so a clock has
/// one outcome however often it is rewritten (a breached clock met later, a cancelled clock met after a reopen).
/// </summary>
public sealed record SlaOutcome
{
    public required SlaClockKind Clock { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required TimeSpan Target { get; init; }

    public required SlaOutcomeKind Outcome { get; init; }

    /// <summary>When the outcome was decided: met in time, breached, or cancelled.</summary>
    public required DateTimeOffset SettledAt { get; init; }

    /// <summary>When the clock was met; null while a breached clock is still unmet, and for a cancelled one.</summary>
    public DateTimeOffset? MetAt { get; init; }

    /// <summary>Business time from start to met (pauses excluded); null when not met.</summary>
    public TimeSpan? BusinessTimeToMeet { get; init; }

    /// <summary>Wall-clock time from start to met; null when not met.</summary>
    public TimeSpan? ElapsedTimeToMeet { get; init; }

    public string Key => SlaOutcomes.KeyOf(Clock, StartedAt);
}
