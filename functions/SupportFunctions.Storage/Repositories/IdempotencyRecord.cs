namespace SupportFunctions.Storage.Repositories;

/// <summary>
/// What an idempotency key was first used for: the request's hash, the case number reserved for it, and the creation
/// time every retry must reuse so that all of them write identical rows.
/// </summary>
public sealed record IdempotencyRecord(string RequestHash, string CaseNumber, DateTimeOffset CreatedAt);
