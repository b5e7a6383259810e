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
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt = null)
{
    /// <summary>
    /// How fresh "last used" is kept: a key's use is written at most once per this period, so a busy integration costs one
    /// table write an hour, not one per request (GitHub and Azure DevOps show last use at a similar grain).
    /// </summary>
    public static readonly TimeSpan LastUseResolution = TimeSpan.FromHours(1);

    /// <summary>Whether a use at <paramref name="now"/> should be written: never used, or last written a period ago.</summary>
    public bool UseWorthRecording(DateTimeOffset now) => LastUsedAt is not { } last || now - last >= LastUseResolution;

    /// <summary>Revoked at or before <paramref name="now"/> (a revocation dated ahead takes effect then).</summary>
    public bool RevokedBy(DateTimeOffset now) => RevokedAt <= now;

    public bool ExpiredBy(DateTimeOffset now) => ExpiresAt <= now;

    public bool IsActiveAt(DateTimeOffset now) => !RevokedBy(now) && !ExpiredBy(now);
}
