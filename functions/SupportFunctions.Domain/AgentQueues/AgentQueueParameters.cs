namespace SupportFunctions.Domain.AgentQueues;

/// <summary>The queue request's words as given: each list parameter repeated or comma-separated.</summary>
public sealed record AgentQueueParameters(
    IReadOnlyList<string?>? Team = null,
    IReadOnlyList<string?>? Status = null,
    IReadOnlyList<string?>? Severity = null,
    IReadOnlyList<string?>? Priority = null,
    IReadOnlyList<string?>? Category = null,
    IReadOnlyList<string?>? Account = null,
    IReadOnlyList<string?>? Assignee = null,
    IReadOnlyList<string?>? Sla = null,
    string? Sort = null,
    int? PageSize = null);
