using System.Globalization;
using Azure.Data.Tables;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.Storage.Repositories;

/// <summary>
/// The lists of inbound items that did not become case changes, one partition per disposition, newest first. Rows are
/// keyed by receipt time and item id, so recording the same item again (a redelivered message) writes the same row.
/// </summary>
public sealed class InboundRecordRepository(StorageLayout layout)
{
    private TableClient Table => layout.Table(StorageLayout.InboundTable);

    public Task RecordAsync(InboundRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Table.UpsertAsync(
            new TableEntity(record.Disposition, RowKey(record.ReceivedAt, record.Id))
            {
                ["Id"] = record.Id,
                ["Channel"] = record.Channel,
                ["ReceivedAt"] = record.ReceivedAt,
                ["Reason"] = Clip(record.Reason),
                ["ProblemJson"] = record.ProblemJson is null ? null : Clip(record.ProblemJson),
                ["Sender"] = record.Sender,
                ["Subject"] = record.Subject is null ? null : Clip(record.Subject),
                ["Source"] = record.Source is null ? null : Clip(record.Source),
                ["DataClass"] = record.DataClass,
                ["ExpiresAt"] = record.ExpiresAt,
            },
            cancellationToken: cancellationToken);
    }

    public async Task<(IReadOnlyList<InboundRecord> Items, string? ContinuationToken)> PageAsync(string disposition, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        await foreach (var page in Table.QueryPagesAsync(TableFilter.PartitionKeyEquals(disposition), pageSize: pageSize, continuationToken: continuationToken, cancellationToken: cancellationToken))
        {
            return (page.Values.Select(e => ToRecord(disposition, e)).ToList(), page.ContinuationToken);
        }

        return ([], null);
    }

    /// <summary>Newest first: row keys sort by time remaining until the year 10000.</summary>
    private static string RowKey(DateTimeOffset receivedAt, string id) =>
        (DateTimeOffset.MaxValue.UtcTicks - receivedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "|" + id;

    private static string Clip(string text) => text.Length > 30_000 ? text[..30_000] : text;

    private static InboundRecord ToRecord(string disposition, TableEntity e) => new()
    {
        Id = e.GetString("Id") ?? e.RowKey,
        Disposition = disposition,
        Channel = e.GetString("Channel") ?? string.Empty,
        ReceivedAt = e.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue,
        Reason = e.GetString("Reason") ?? string.Empty,
        ProblemJson = e.GetString("ProblemJson"),
        Sender = e.GetString("Sender"),
        Subject = e.GetString("Subject"),
        Source = e.GetString("Source"),
        DataClass = e.GetString("DataClass") ?? string.Empty,
        ExpiresAt = e.GetDateTimeOffset("ExpiresAt"),
    };
}
