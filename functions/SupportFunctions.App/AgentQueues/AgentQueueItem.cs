using SupportFunctions.Domain.AgentQueues;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Domain.Sla;

namespace SupportFunctions.App.AgentQueues;

/// <summary>One case in the agents' queue, with its SLA at the moment of the read. Status is spelled as on the case ("PendingCustomer").</summary>
public sealed record AgentQueueItem(
    string Number,
    string Subject,
    string? AccountId,
    string? AccountName,
    string? RequesterName,
    string Status,
    int Severity,
    string? Priority,
    string Category,
    string Team,
    string? AssigneeId,
    string? AssigneeName,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    AgentQueueSla Sla)
{
    public static AgentQueueItem From(AgentQueueEntry e, SlaCalendars calendars, DateTimeOffset now, string? accountName, string? assigneeName)
    {
        ArgumentNullException.ThrowIfNull(e);
        var sla = QueueSlaSummary.At(e, calendars, now);
        return new AgentQueueItem(
            e.Number, e.Subject, e.AccountId, accountName, e.RequesterName, e.Status.ToString(), e.Severity, e.Priority, e.Category, e.Team, e.AssigneeId, assigneeName, e.CreatedAt, e.UpdatedAt,
            new AgentQueueSla(sla.Clock is { } clock ? PolicyJson.EnumValue(clock) : null, sla.DueAt, sla.RemainingSeconds, sla.State, sla.Breached));
    }
}

/// <summary>
/// The clock that falls due next, when (null while paused), its business time left in seconds (negative once overdue;
/// frozen while paused), the case's SLA state, and whether any clock has breached.
/// </summary>
public sealed record AgentQueueSla(string? Clock, DateTimeOffset? DueAt, long? RemainingSeconds, QueueSlaState State, bool Breached);

/// <summary>A page of the queue: the teams read, the items in order, and the token of the next page (null on the last).</summary>
public sealed record AgentQueuePage(IReadOnlyList<string> Teams, string Sort, IReadOnlyList<AgentQueueItem> Items, string? ContinuationToken);

/// <summary>Open cases per status of one team.</summary>
public sealed record AgentQueueCount(string Team, string TeamName, int Total, IReadOnlyDictionary<string, int> Statuses);
