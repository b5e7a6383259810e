namespace SupportFunctions.App.Retention;

/// <summary>
/// One item a source offers for judging: its class and expiry, the case and account it belongs to (for legal holds), and
/// what its <see cref="PurgeTarget"/> will be if it goes (keys, and the proof id written instead of personal data).
/// </summary>
public sealed record PurgeCandidate(string DataClass, DateTimeOffset? ExpiresAt, string? CaseNumber, string? AccountId, string Key, string? Row, string ProofId);
