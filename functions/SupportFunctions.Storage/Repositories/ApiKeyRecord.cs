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
    DateTimeOffset? ExpiresAt)
{
    /// <summary>Revoked at or before <paramref name="now"/> (a revocation dated ahead takes effect then).</summary>
    public bool RevokedBy(DateTimeOffset now) => RevokedAt <= now;

    public bool ExpiredBy(DateTimeOffset now) => ExpiresAt <= now;

    public bool IsActiveAt(DateTimeOffset now) => !RevokedBy(now) && !ExpiredBy(now);
}
