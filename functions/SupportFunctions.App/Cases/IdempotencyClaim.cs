namespace SupportFunctions.App.Cases;

/// <summary>Who claims an idempotency key, the key, and the hash of the request it stands for.</summary>
public sealed record IdempotencyClaim(string Caller, string Key, string RequestHash);
