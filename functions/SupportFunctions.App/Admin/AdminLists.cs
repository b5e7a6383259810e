using SupportFunctions.Domain.Directory;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Admin;

/// <summary>A page of accounts and the token of the next (null on the last).</summary>
public sealed record AccountPage(IReadOnlyList<CustomerAccount> Items, string? ContinuationToken);

/// <summary>A page of API keys and the token of the next (null on the last).</summary>
public sealed record ApiKeyPage(IReadOnlyList<ApiKeyView> Items, string? ContinuationToken);

/// <summary>An API key as an administrator sees it: who it stands for and its life, never its secret or the secret's hash.</summary>
public sealed record ApiKeyView(string KeyId, string PrincipalKind, string PrincipalId, string? AccountId, string? Label, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, bool Active)
{
    public static ApiKeyView From(ApiKeyRecord key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new ApiKeyView(key.KeyId, key.PrincipalKind, key.PrincipalId, key.AccountId, key.Label, key.CreatedAt, key.LastUsedAt, key.ExpiresAt, key.RevokedAt, key.IsActiveAt(now));
    }
}
