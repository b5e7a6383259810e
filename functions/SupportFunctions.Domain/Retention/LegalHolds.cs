namespace SupportFunctions.Domain.Retention;

/// <summary>The cases and accounts under legal hold: nothing under them is purged or anonymised while the hold stands.</summary>
public sealed record LegalHolds(IReadOnlySet<string> Cases, IReadOnlySet<string> Accounts)
{
    public static LegalHolds None { get; } = new(new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));

    public bool Covers(string? caseNumber, string? accountId) =>
        (caseNumber is not null && Cases.Contains(caseNumber)) || (accountId is not null && Accounts.Contains(accountId));
}
