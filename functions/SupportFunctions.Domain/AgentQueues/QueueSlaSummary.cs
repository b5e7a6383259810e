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

    /// <summary>
    /// The summary at <paramref name="now"/>. A running clock's time left is the business time between now and its due
    /// instant (or overdue since then), so a read walks the calendar over that window only, not the case's whole life.
    /// </summary>
    public static QueueSlaSummary At(AgentQueueEntry entry, SlaCalendars calendars, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(calendars);
        var state = StateAt(entry, now);
        if (entry.DueClock is { } kind && entry.DueAt is { } due && entry.Sla.Find(kind) is { } clock)
        {
            var calendar = calendars[clock.CalendarId];
            var left = due > now ? calendar.Elapsed(now, due) : -calendar.Elapsed(due, now);
            return new QueueSlaSummary(kind, due, (long)Math.Floor(left.TotalSeconds), state, entry.AnyBreached || due <= now);
        }

        return new QueueSlaSummary(entry.PausedClock, null, entry.PausedRemainingSeconds, state, entry.AnyBreached);
    }
}
