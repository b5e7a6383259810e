namespace SupportFunctions.Domain.Sla;

/// <summary>
/// One SLA clock. Business time is counted in <see cref="CalendarId"/> from <see cref="SegmentStart"/>, plus
/// <see cref="ElapsedBefore"/> carried over from earlier segments (a severity change starts a new segment, so the
/// time already elapsed is kept while the target and calendar change).
/// </summary>
public sealed record SlaClock
{
    public required SlaClockKind Kind { get; init; }

    public required TimeSpan Target { get; init; }

    public required string CalendarId { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset SegmentStart { get; init; }

    public TimeSpan ElapsedBefore { get; init; }

    public DateTimeOffset? WarnedAt { get; init; }

    public DateTimeOffset? BreachedAt { get; init; }

    public DateTimeOffset? MetAt { get; init; }
}
