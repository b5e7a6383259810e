namespace SupportFunctions.Domain.Policies;

/// <summary>Impact × urgency → the team that takes the case (and optionally its priority); unmatched cases keep the category's team.</summary>
public sealed record TriageRules
{
    public IReadOnlyList<string> Impacts { get; init; } = ["high", "medium", "low"];

    public IReadOnlyList<string> Urgencies { get; init; } = ["high", "medium", "low"];

    public IReadOnlyList<TriageRule> Rules { get; init; } = [];
}
