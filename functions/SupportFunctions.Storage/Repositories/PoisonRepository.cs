using Azure.Data.Tables;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.Storage.Repositories;

/// <summary>
/// Messages parked after too many failed deliveries. Kept in a table (not a peek-only queue) so they can be listed and
/// replayed one by one by id, under either host.
/// </summary>
public sealed class PoisonRepository(StorageLayout layout)
{
    private const string Partition = "poison";

    private TableClient Table => layout.Table(StorageLayout.PoisonTable);

    public Task ParkAsync(PoisonMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        // Upsert: a message parked twice (a crash between parking and deleting it from its queue) is parked once.
        return Table.UpsertAsync(
            new TableEntity(Partition, message.Id)
            {
                ["Queue"] = message.Queue,
                ["Text"] = message.Text,
                ["DequeueCount"] = message.DequeueCount,
                ["FailedAt"] = message.FailedAt,
                ["Error"] = message.Error.Length > 4000 ? message.Error[..4000] : message.Error,
                ["DataClass"] = "poison",
            },
            cancellationToken: cancellationToken);
    }

    public async Task<(IReadOnlyList<PoisonMessage> Items, string? ContinuationToken)> PageAsync(int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        await foreach (var page in Table.QueryPagesAsync(TableFilter.PartitionKeyEquals(Partition), pageSize: pageSize, continuationToken: continuationToken, cancellationToken: cancellationToken))
        {
            return (page.Values.Select(ToMessage).ToList(), page.ContinuationToken);
        }

        return ([], null);
    }

    public async Task<PoisonMessage?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var entity = await Table.FindAsync(Partition, id, cancellationToken: cancellationToken);
        return entity is null ? null : ToMessage(entity);
    }

    public Task DeleteAsync(string id, CancellationToken cancellationToken) => Table.DeleteAsync(Partition, id, cancellationToken: cancellationToken);

    private static PoisonMessage ToMessage(TableEntity e) => new(
        e.RowKey,
        e.GetString("Queue") ?? string.Empty,
        e.GetString("Text") ?? string.Empty,
        e.GetInt64("DequeueCount") ?? 0,
        e.GetDateTimeOffset("FailedAt") ?? DateTimeOffset.MinValue,
        e.GetString("Error") ?? string.Empty);
}
