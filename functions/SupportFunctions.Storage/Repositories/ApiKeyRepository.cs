using Azure;
using Azure.Data.Tables;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.Storage.Repositories;

/// <summary>API keys by key id. Revoking keeps the record (audit) and stamps it; expiry allows rotation with overlap.</summary>
public sealed class ApiKeyRepository(StorageLayout layout)
{
    private TableClient Table => layout.Table(StorageLayout.ApiKeysTable);

    public Task<string> CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Table.InsertAsync(
            new TableEntity(key.KeyId, "key")
            {
                ["SecretHash"] = key.SecretHash,
                ["PrincipalKind"] = key.PrincipalKind,
                ["PrincipalId"] = key.PrincipalId,
                ["AccountId"] = key.AccountId,
                ["Label"] = key.Label,
                ["CreatedAt"] = key.CreatedAt,
                ["RevokedAt"] = key.RevokedAt,
                ["ExpiresAt"] = key.ExpiresAt,
                ["DataClass"] = "credential",
            },
            cancellationToken);
    }

    public async Task<ApiKeyRecord?> GetAsync(string keyId, CancellationToken cancellationToken)
    {
        var e = await Table.FindAsync(keyId, "key", cancellationToken: cancellationToken);
        return e is null ? null : ToRecord(e);
    }

    /// <summary>Every key of one principal, newest first. A filtered scan: the keys table holds one row per key, and few.</summary>
    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string principalKind, string principalId, CancellationToken cancellationToken) =>
        await Table.QueryEntitiesAsync(TableFilter.Equal("PrincipalKind", principalKind).And(TableFilter.Equal("PrincipalId", principalId)), cancellationToken: cancellationToken)
            .Select(ToRecord)
            .OrderByDescending(k => k.CreatedAt)
            .ToListAsync(cancellationToken);

    /// <summary>One page of keys, optionally of one kind of principal or one principal. Records hold the secret's hash only.</summary>
    public async Task<(IReadOnlyList<ApiKeyRecord> Items, string? ContinuationToken)> PageAsync(string? principalKind, string? principalId, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var filter = TableFilter.RowKeyEquals("key");
        if (principalKind is not null)
        {
            filter = filter.And(TableFilter.Equal("PrincipalKind", principalKind));
        }

        if (principalId is not null)
        {
            filter = filter.And(TableFilter.Equal("PrincipalId", principalId));
        }

        await foreach (var page in Table.QueryPagesAsync(filter, pageSize: pageSize, continuationToken: continuationToken, cancellationToken: cancellationToken))
        {
            return (page.Values.Select(ToRecord).ToList(), page.ContinuationToken);
        }

        return ([], null);
    }

    /// <summary>Brings a key's expiry forward to <paramref name="expiresAt"/> (never later than it already was): the overlap of a rotation.</summary>
    public async Task<ApiKeyRecord?> ExpireAsync(string keyId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var e = await Table.FindAsync(keyId, "key", cancellationToken: cancellationToken);
        if (e is null)
        {
            return null;
        }

        var current = ToRecord(e);
        if (current.ExpiresAt is { } existing && existing <= expiresAt)
        {
            return current;
        }

        await Table.UpdateAsync(new TableEntity(keyId, "key") { ["ExpiresAt"] = expiresAt }, e.ETag.ToString(), TableUpdateMode.Merge, cancellationToken);
        return current with { ExpiresAt = expiresAt };
    }

    private static ApiKeyRecord ToRecord(TableEntity e) =>
        new(e.PartitionKey, e.GetString("SecretHash")!, e.GetString("PrincipalKind")!, e.GetString("PrincipalId")!, e.GetString("AccountId"), e.GetString("Label"), e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue, e.GetDateTimeOffset("RevokedAt"), e.GetDateTimeOffset("ExpiresAt"), e.GetDateTimeOffset("LastUsedAt"));

    /// <summary>
    /// Stamps when the key was last used. Unconditional (any ETag): uses are stamped an hour apart, so racing writers put
    /// nearly the same time, and a key deleted meanwhile is no failure (404 is success).
    /// </summary>
    public async Task RecordUseAsync(string keyId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await Table.UpdateAsync(new TableEntity(keyId, "key") { ["LastUsedAt"] = at }, ETag.All.ToString(), TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }

    /// <summary>Stamps the key revoked; false when there is no such key.</summary>
    public async Task<bool> RevokeAsync(string keyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var e = await Table.FindAsync(keyId, "key", cancellationToken: cancellationToken);
        if (e is null)
        {
            return false;
        }

        if (e.GetDateTimeOffset("RevokedAt") is null)
        {
            await Table.UpdateAsync(new TableEntity(keyId, "key") { ["RevokedAt"] = now }, e.ETag.ToString(), TableUpdateMode.Merge, cancellationToken);
        }

        return true;
    }
}
