namespace SupportFunctions.Domain.Policies;

/// <summary>
/// Priority from classification inputs: the first rule whose conditions all hold wins (a missing condition matches
/// anything); otherwise <see cref="Default"/>. Without rules, priority follows severity through <see cref="FromSeverity"/>.
/// </summary>
public sealed record PriorityRules
{
    public IReadOnlyList<PriorityLevel> Levels { get; init; } = [];

    public IReadOnlyList<PriorityRule> Rules { get; init; } = [];

    public string? Default { get; init; }

    /// <summary>Severity level (as text, JSON keys are strings) → priority id.</summary>
    public IReadOnlyDictionary<string, string> FromSeverity { get; init; } = new Dictionary<string, string>();
}
