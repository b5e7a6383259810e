namespace SupportFunctions.Domain.Policies;

/// <summary>Phone lines that open cases: which number means which severity and category, and which need the account PIN.</summary>
public sealed record VoiceRules
{
    public IReadOnlyList<PhoneLine> Lines { get; init; } = [];

    /// <summary>Category of a case opened by a call to a line that names none.</summary>
    public required string DefaultCategory { get; init; }
}
