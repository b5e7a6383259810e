namespace SupportFunctions.Storage.Repositories;

/// <summary>A legal hold on a case or an account: who placed it, when, and why.</summary>
public sealed record LegalHold(string Scope, string Id, string Reason, string PlacedBy, DateTimeOffset PlacedAt)
{
    public const string CaseScope = "case";
    public const string AccountScope = "account";
}
