using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace SupportFunctions.Storage.Tables;

/// <summary>
/// The table operations our repositories share, on the SDK's <see cref="TableClient"/>: ETags as the strings our records
/// carry, 409 and 412 translated once (<see cref="StorageFailures"/>), reads of a missing row as null, and queries as
/// <see cref="TableFilter"/>s paged with the SDK's continuation tokens.
/// </summary>
public static class TableOperations
{
    /// <summary>A page holds at most this many entities (the service's cap).</summary>
    public const int MaxPageSize = 1000;

    /// <summary>An entity group transaction holds at most this many operations, all in one partition.</summary>
    public const int MaxTransactionActions = 100;

    /// <summary>Reads one entity; null when it does not exist.</summary>
    public static async Task<TableEntity?> FindAsync(this TableClient table, string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        TableKeys.Validate(partitionKey, nameof(partitionKey));
        TableKeys.Validate(rowKey, nameof(rowKey));
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, select, cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Inserts a new entity (create-only); an existing one throws <see cref="StorageConflictException"/>. Returns the new ETag.</summary>
    public static async Task<string> InsertAsync(this TableClient table, TableEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(entity);
        CheckKeys(entity);
        try
        {
            var response = await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return Remember(entity, response);
        }
        catch (RequestFailedException ex) when (StorageFailures.Translate(ex, $"Insert '{entity.PartitionKey}'/'{entity.RowKey}' into '{table.Name}'") is { } typed)
        {
            throw typed;
        }
    }

    /// <summary>Insert-or-replace / insert-or-merge, with no concurrency check. Returns the new ETag.</summary>
    public static async Task<string> UpsertAsync(this TableClient table, TableEntity entity, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(entity);
        CheckKeys(entity);
        var response = await table.UpsertEntityAsync(entity, mode, cancellationToken).ConfigureAwait(false);
        return Remember(entity, response);
    }

    /// <summary>
    /// Updates an existing entity only if its ETag still matches (<c>"*"</c> for any version): a mismatch throws
    /// <see cref="StorageConcurrencyException"/>, a missing entity a 404 <see cref="RequestFailedException"/>.
    /// </summary>
    public static async Task<string> UpdateAsync(this TableClient table, TableEntity entity, string ifMatch, TableUpdateMode mode = TableUpdateMode.Replace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(entity);
        CheckKeys(entity);
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        try
        {
            var response = await table.UpdateEntityAsync(entity, new ETag(ifMatch), mode, cancellationToken).ConfigureAwait(false);
            return Remember(entity, response);
        }
        catch (RequestFailedException ex) when (StorageFailures.Translate(ex, $"Update '{entity.PartitionKey}'/'{entity.RowKey}' in '{table.Name}'") is { } typed)
        {
            throw typed;
        }
    }

    /// <summary>Deletes when the ETag matches (<c>"*"</c> unconditionally); an entity already gone is success (the SDK's own rule). Answers whether it was there.</summary>
    public static async Task<bool> DeleteAsync(this TableClient table, string partitionKey, string rowKey, string ifMatch = "*", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        try
        {
            // The SDK answers a missing entity with its 404 response rather than an exception.
            var response = await table.DeleteEntityAsync(partitionKey, rowKey, new ETag(ifMatch), cancellationToken).ConfigureAwait(false);
            return response.Status != 404;
        }
        catch (RequestFailedException ex) when (StorageFailures.Translate(ex, $"Delete '{partitionKey}'/'{rowKey}' from '{table.Name}'") is { } typed)
        {
            throw typed;
        }
    }

    /// <summary>
    /// Query pages of at most <paramref name="pageSize"/> entities, starting from a continuation token a previous page
    /// returned (null for the first; one this API did not issue throws <see cref="InvalidContinuationTokenException"/>). The last page's
    /// <see cref="Page{T}.ContinuationToken"/> is null.
    /// </summary>
    public static async IAsyncEnumerable<Page<TableEntity>> QueryPagesAsync(this TableClient table, TableFilter? filter = null, IEnumerable<string>? select = null, int? pageSize = null, string? continuationToken = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"A page holds 1 to {MaxPageSize} entities.");
        }

        var pages = table.QueryAsync<TableEntity>(filter?.ToString(), pageSize, WithKeys(select), cancellationToken)
            .AsPages(ContinuationTokens.Unwrap(continuationToken), pageSize);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            yield return Page<TableEntity>.FromValues(page.Values, ContinuationTokens.Wrap(page.ContinuationToken), page.GetRawResponse());
        }
    }

    /// <summary>Every entity matching the filter, page after page.</summary>
    public static async IAsyncEnumerable<TableEntity> QueryEntitiesAsync(this TableClient table, TableFilter? filter = null, IEnumerable<string>? select = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        await foreach (var entity in table.QueryAsync<TableEntity>(filter?.ToString(), null, WithKeys(select), cancellationToken).ConfigureAwait(false))
        {
            yield return entity;
        }
    }

    /// <summary>
    /// An entity group transaction (1 to 100 operations in one partition, all or nothing). Returns the new ETag per
    /// operation (null for deletes). A rejected batch throws the SDK's <see cref="TableTransactionFailedException"/>,
    /// whose <see cref="TableTransactionFailedException.FailedTransactionActionIndex"/> names the operation at fault.
    /// </summary>
    public static async Task<IReadOnlyList<string?>> SubmitAsync(this TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count is 0 or > MaxTransactionActions)
        {
            throw new ArgumentException($"A transaction holds 1 to {MaxTransactionActions} operations; this one has {actions.Count}.", nameof(actions));
        }

        // Checked here so the error names the row; the service would refuse the whole batch with a less helpful answer.
        var partition = actions[0].Entity.PartitionKey;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            if (!string.Equals(action.Entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException($"A transaction stays in one partition; '{action.Entity.PartitionKey}' differs from '{partition}'.", nameof(actions));
            }

            if (!rows.Add(action.Entity.RowKey))
            {
                throw new ArgumentException($"A transaction touches each entity once; row '{action.Entity.RowKey}' appears twice.", nameof(actions));
            }
        }

        var response = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        var etags = new string?[actions.Count];
        for (var i = 0; i < actions.Count; i++)
        {
            if (actions[i].ActionType != TableTransactionActionType.Delete && response.Value[i].Headers.ETag is { } etag)
            {
                etags[i] = etag.ToString();
                actions[i].Entity.ETag = etag;
            }
        }

        return etags;
    }

    /// <summary>An ETag-checked update in a transaction (<c>"*"</c> when <paramref name="ifMatch"/> is null).</summary>
    public static TableTransactionAction Update(TableEntity entity, string? ifMatch, TableUpdateMode mode = TableUpdateMode.Replace) =>
        new(mode == TableUpdateMode.Replace ? TableTransactionActionType.UpdateReplace : TableTransactionActionType.UpdateMerge, entity, ifMatch is null ? ETag.All : new ETag(ifMatch));

    /// <summary>An ETag-checked delete in a transaction (<c>"*"</c> when <paramref name="ifMatch"/> is null).</summary>
    public static TableTransactionAction Delete(string partitionKey, string rowKey, string? ifMatch = null) =>
        new(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), ifMatch is null ? ETag.All : new ETag(ifMatch));

    /// <summary>A projection always brings the keys back: every caller addresses what it read by them.</summary>
    private static List<string>? WithKeys(IEnumerable<string>? select) =>
        select?.Concat(["PartitionKey", "RowKey"]).Distinct(StringComparer.Ordinal).ToList();

    private static void CheckKeys(TableEntity entity)
    {
        TableKeys.Validate(entity.PartitionKey, nameof(entity.PartitionKey));
        TableKeys.Validate(entity.RowKey, nameof(entity.RowKey));
    }

    private static string Remember(TableEntity entity, Response response)
    {
        var etag = response.Headers.ETag ?? throw new RequestFailedException(response.Status, "The table service answered without an ETag.", "MissingETag", null);
        entity.ETag = etag;
        return etag.ToString();
    }
}
