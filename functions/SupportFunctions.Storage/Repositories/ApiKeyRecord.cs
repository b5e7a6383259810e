namespace SupportFunctions.Storage.Repositories;

/// <summary>A stored API key: never the key itself, only the hash of its secret and the principal it stands for.</summary>
public sealed record ApiKeyRecord(
    string KeyId,
    string SecretHash,
    string PrincipalKind,
    string PrincipalId,
    string? AccountId,
    string? Label,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? ExpiresAt);
