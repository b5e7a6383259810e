namespace SupportFunctions.Domain.Policies;

/// <summary>Where cases go: a support team, the support leads, or account management (which is not support).</summary>
public sealed record SupportTeam
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public TeamKind Kind { get; init; } = TeamKind.Support;

    /// <summary>Team that receives escalations and SLA breaches of this team; null: the policy's lead team.</summary>
    public string? EscalatesTo { get; init; }
}
