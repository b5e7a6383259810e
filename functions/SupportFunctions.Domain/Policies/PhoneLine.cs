namespace SupportFunctions.Domain.Policies;

/// <summary>A dialed number: the severity a verified caller gets on it (e.g. the Sev1 line), and whether the account PIN verifies callers.</summary>
public sealed record PhoneLine
{
    /// <summary>E.164, e.g. +18005550100.</summary>
    public required string Number { get; init; }

    public string? Name { get; init; }

    /// <summary>Severity of cases opened on this line by a verified caller; null: the caller's IVR choice or the default.</summary>
    public int? Severity { get; init; }

    public string? Category { get; init; }

    /// <summary>Callers must enter their account's PIN to get the line's severity; unverified callers get the default.</summary>
    public bool RequiresPin { get; init; }
}
