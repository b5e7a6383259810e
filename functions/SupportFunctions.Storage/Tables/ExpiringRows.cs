using Azure.Data.Tables;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.Storage.Tables;

/// <summary>A row that carries its retention: data class, expiry, and the case or account it belongs to (for legal holds).</summary>
public sealed record ExpiringRow(string PartitionKey, string RowKey, string? DataClass, DateTimeOffset? ExpiresAt, string? CaseNumber, string? AccountId);

/// <summary>
/// The rows of one table that have expired (<c>ExpiresAt</c> at or before a time), a page at a time, and their deletion
/// — for the retention purge, which judges each row and deletes what it may.
/// </summary>
public sealed class ExpiringRows(StorageLayout layout, string tableName)
{
    private static readonly string[] Columns = ["DataClass", "ExpiresAt", "CaseNumber", "AccountId"];

    private TableClient Table => layout.Table(tableName);

    /// <summary>One page (at most 1,000 rows) of rows expired by <paramref name="now"/> and the token of the next (null: the last).</summary>
    public async Task<(IReadOnlyList<ExpiringRow> Rows, string? Continuation)> ReadPageAsync(DateTimeOffset now, int pageSize, string? continuation, CancellationToken cancellationToken)
    {
        await foreach (var page in Table.QueryPagesAsync(TableFilter.LessThanOrEqual("ExpiresAt", now), Columns, Math.Min(pageSize, 1000), continuation, cancellationToken))
        {
            return (page.Values.Select(e => new ExpiringRow(e.PartitionKey, e.RowKey, e.GetString("DataClass"), e.GetDateTimeOffset("ExpiresAt"), e.GetString("CaseNumber"), e.GetString("AccountId"))).ToList(), page.ContinuationToken);
        }

        return ([], null);
    }

    /// <summary>
    /// Deletes the rows; one already gone is success. <paramref name="batched"/>: entity group transactions (up to 100 rows
    /// of one partition per request), <paramref name="parallelism"/> at once.
    /// </summary>
    public async Task DeleteAsync(IReadOnlyList<(string PartitionKey, string RowKey)> rows, bool batched, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (!batched)
        {
            foreach (var (partitionKey, rowKey) in rows)
            {
                await Table.DeleteAsync(partitionKey, rowKey, cancellationToken: cancellationToken);
            }

            return;
        }

        var batches = rows.GroupBy(r => r.PartitionKey, StringComparer.Ordinal).SelectMany(partition => partition.Chunk(100)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken }, async (batch, token) =>
        {
            try
            {
                await Table.SubmitAsync(batch.Select(r => TableOperations.Delete(r.PartitionKey, r.RowKey)).ToList(), token);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                // A resumed page: some rows went before the crash, and one missing row fails the whole batch. One by one, 404 is success.
                foreach (var (partitionKey, rowKey) in batch)
                {
                    await Table.DeleteAsync(partitionKey, rowKey, cancellationToken: token);
                }
            }
        });
    }
}
