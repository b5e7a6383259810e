namespace SupportFunctions.Domain.Policies;

public sealed record TriageRule
{
    public required string Impact { get; init; }

    public required string Urgency { get; init; }

    public required string Team { get; init; }

    public string? Priority { get; init; }
}
