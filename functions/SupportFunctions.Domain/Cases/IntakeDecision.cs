namespace SupportFunctions.Domain.Cases;

/// <summary>The outcome of checking a submission against the policy, with everything needed to open the case.</summary>
public sealed record IntakeDecision
{
    public required IntakeOutcome Outcome { get; init; }

    /// <summary>The requester's language (contact, then account, then the policy's default): errors and reasons are in it.</summary>
    public string? Language { get; init; }

    /// <summary>Field → every broken rule (for <see cref="IntakeOutcome.Invalid"/>).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();

    /// <summary>Why the requester may not open it (refused, or accepted and closed).</summary>
    public string? Reason { get; init; }

    /// <summary>Told to the requester when the case is closed at once: who can submit instead.</summary>
    public string? Notice { get; init; }

    public string? Category { get; init; }

    public int Severity { get; init; }

    public string? Priority { get; init; }

    public string? Team { get; init; }

    public string? Environment { get; init; }

    public IReadOnlyList<CaseWarning> Warnings { get; init; } = [];

    public bool MaySeeAccountData { get; init; }
}
