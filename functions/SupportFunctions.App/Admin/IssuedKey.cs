namespace SupportFunctions.App.Admin;

/// <summary>A new API key. <see cref="Key"/> is shown this once and never stored; keep it safe.</summary>
public sealed record IssuedKey(string KeyId, string Key, string PrincipalKind, string PrincipalId, string? AccountId, DateTimeOffset? ExpiresAt);
