using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Domain.Sla;

namespace SupportFunctions.Domain.AgentQueues;

/// <summary>
/// An open case as the agents' queue holds it: what a list item shows, the values its filters match, and the SLA
/// instants the order and the SLA-state filter are decided by. A case closed has no entry.
/// </summary>
public sealed record AgentQueueEntry
{
    public required string Number { get; init; }

    public required string Subject { get; init; }

    public string? AccountId { get; init; }

    public string? RequesterName { get; init; }

    public required CaseStatus Status { get; init; }

    public required int Severity { get; init; }

    public string? Priority { get; init; }

    public required string Category { get; init; }

    public required string Team { get; init; }

    public string? AssigneeId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required int Version { get; init; }

    public required string TimeZone { get; init; }

    public SlaState Sla { get; init; } = new();

    /// <summary>The clock that falls due first, and when (a breached clock not yet met: when it breached); null when none runs.</summary>
    public SlaClockKind? DueClock { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    /// <summary>When the first running clock reaches the policy's warning percentage (or did); null when none runs.</summary>
    public DateTimeOffset? WarnAt { get; init; }

    /// <summary>Some clock has breached (met later or not).</summary>
    public bool AnyBreached { get; init; }

    /// <summary>The clocks stand still (a status the policy pauses on).</summary>
    public bool Paused { get; init; }

    /// <summary>Some clock is neither met nor breached: running or paused.</summary>
    public bool Active { get; init; }

    /// <summary>While paused: the active clock with the least business time left, and that time (it stands still until the pause ends).</summary>
    public SlaClockKind? PausedClock { get; init; }

    public long? PausedRemainingSeconds { get; init; }

    public static AgentQueueEntry? From(SupportCase c, SupportPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(policy);
        if (c.Status == CaseStatus.Closed)
        {
            return null;
        }

        var calendars = new SlaCalendars(policy, c.TimeZone);
        SlaClockKind? dueClock = null;
        DateTimeOffset? dueAt = null;
        DateTimeOffset? warnAt = null;
        foreach (var clock in c.Sla.Clocks.Where(k => k.MetAt is null))
        {
            // A breached clock keeps its place at the top of the queue from the instant it breached until it is met.
            var due = clock.BreachedAt ?? SlaClocks.DueAt(c.Sla, clock, calendars, c.UpdatedAt);
            if (due is { } d && (dueAt is null || d < dueAt))
            {
                (dueClock, dueAt) = (clock.Kind, d);
            }

            var warn = clock.WarnedAt ?? SlaClocks.WarningAt(c.Sla, clock, calendars, policy.Sla.WarningPercent, c.UpdatedAt);
            if (warn is { } w && (warnAt is null || w < warnAt))
            {
                warnAt = w;
            }
        }

        // Computed once here rather than at every read: a paused clock's time left does not change until the case does.
        var paused = c.Sla.IsPaused
            ? c.Sla.Clocks.Where(k => k.MetAt is null && k.BreachedAt is null)
                .Select(k => (k.Kind, Left: k.Target - SlaClocks.Elapsed(c.Sla, k, calendars, c.UpdatedAt)))
                .OrderBy(k => k.Left)
                .Select(k => ((SlaClockKind Kind, TimeSpan Left)?)k)
                .FirstOrDefault()
            : null;
        return new AgentQueueEntry
        {
            Number = c.Number,
            Subject = c.Subject,
            AccountId = c.AccountId,
            RequesterName = c.RequesterName,
            Status = c.Status,
            Severity = c.Severity,
            Priority = c.Priority,
            Category = c.Category,
            Team = c.Team,
            AssigneeId = c.AssigneeId,
            CreatedAt = c.CreatedAt,
            UpdatedAt = c.UpdatedAt,
            Version = c.Version,
            TimeZone = c.TimeZone,
            Sla = c.Sla,
            DueClock = c.Sla.IsPaused ? null : dueClock,
            DueAt = c.Sla.IsPaused ? null : dueAt,
            WarnAt = c.Sla.IsPaused ? null : warnAt,
            AnyBreached = c.Sla.Clocks.Any(k => SlaOutcomes.IsBreached(c.Sla, k, calendars)),
            Paused = c.Sla.IsPaused,
            Active = c.Sla.Clocks.Any(k => k.MetAt is null && k.BreachedAt is null),
            PausedClock = paused?.Kind,
            PausedRemainingSeconds = paused is { } p ? (long)Math.Floor(p.Left.TotalSeconds) : null,
        };
    }
}
