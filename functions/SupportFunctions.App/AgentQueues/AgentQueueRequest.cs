using SupportFunctions.Domain.AgentQueues;

namespace SupportFunctions.App.AgentQueues;

/// <summary>
/// <c>GET /api/queue</c>'s query: each list parameter repeated (<c>status=New&amp;status=Open</c>) or comma-separated
/// (<c>status=New,Open</c>); team=all for leads and administrators; assignee me, none or an agent id.
/// </summary>
public sealed record AgentQueueRequest(
    string[]? Team,
    string[]? Status,
    string[]? Severity,
    string[]? Priority,
    string[]? Category,
    string[]? Account,
    string[]? Assignee,
    string[]? Sla,
    string? Sort,
    int? PageSize,
    string? ContinuationToken)
{
    public AgentQueueParameters ToParameters() => new(Team, Status, Severity, Priority, Category, Account, Assignee, Sla, Sort, PageSize);
}
