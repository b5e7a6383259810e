using SupportFunctions.Domain.Policies;
using SupportFunctions.Domain.Sla;

namespace SupportFunctions.Domain.AgentQueues;

/// <summary>
/// A queue item's SLA at an instant: the clock that falls due next, when, how much business time it has left (negative
/// once overdue), its state, and whether any clock has breached.
/// </summary>
public sealed record QueueSlaSummary(SlaClockKind? Clock, DateTimeOffset? DueAt, long? RemainingSeconds, QueueSlaState State, bool Breached)
{
    public static QueueSlaState StateAt(AgentQueueEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.AnyBreached || entry.DueAt <= now ? QueueSlaState.Breached
            : entry.Paused && entry.Active ? QueueSlaState.Paused
            : entry.WarnAt <= now ? QueueSlaState.Warning
            : entry.DueAt is not null ? QueueSlaState.Running
            : QueueSlaState.None;
    }

    public static QueueSlaSummary At(AgentQueueEntry entry, SupportPolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(policy);
        var calendars = new SlaCalendars(policy, entry.TimeZone);

        // Running: the clock due first. Paused: the active clock with the least time left, frozen.
        var clock = entry.DueClock is { } due
            ? entry.Sla.Find(due)
            : entry.Sla.Clocks.Where(c => c.MetAt is null && c.BreachedAt is null).MinBy(c => c.Target - SlaClocks.Elapsed(entry.Sla, c, calendars, now));
        long? remaining = clock is null ? null : (long)Math.Floor((clock.Target - SlaClocks.Elapsed(entry.Sla, clock, calendars, now)).TotalSeconds);
        return new QueueSlaSummary(clock?.Kind, entry.DueAt, remaining, StateAt(entry, now), entry.AnyBreached || entry.DueAt <= now);
    }
}
