using System.Globalization;
using Azure.Data.Tables;
using SupportFunctions.Domain.Reports;
using SupportFunctions.Domain.Sla;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.Storage.Repositories;

/// <summary>
/// The SLA report's rows: one per case, in the partition of the month it was opened (UTC, <c>yyyy-MM</c>), row key
/// <c>{opened ticks}|{number}</c>. A report for a range reads the months it spans, each a key-range read, in parallel;
/// it never reads the cases.
/// </summary>
public sealed class SlaReportRepository(StorageLayout layout)
{
    private TableClient Table => layout.Table(StorageLayout.SlaReportTable);

    public Task WriteAsync(CaseSlaRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = new TableEntity(Month(record.CreatedAt), Ticks(record.CreatedAt) + "|" + record.Number)
        {
            ["Number"] = record.Number,
            ["CreatedAt"] = record.CreatedAt,
            ["SolvedAt"] = record.SolvedAt,
            ["Severity"] = record.Severity,
            ["Team"] = record.Team,
            ["Category"] = record.Category,
            ["AccountId"] = record.AccountId,
            ["Clocks"] = StoredJson.Write(record.Clocks.Select(c => new StoredClock(c.Clock, c.StartedAt, c.State, c.BusinessTimeToMeet?.Ticks, c.ElapsedTimeToMeet?.Ticks)).ToList()),
            ["DataClass"] = "slaReport",
        };
        return Table.UpsertAsync(entity, cancellationToken: cancellationToken);
    }

    /// <summary>The records of cases opened in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task<IReadOnlyList<CaseSlaRecord>> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var months = new List<DateTimeOffset>();
        for (var month = new DateTimeOffset(from.UtcDateTime.Year, from.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero); month < to; month = month.AddMonths(1))
        {
            months.Add(month);
        }

        var reads = await Task.WhenAll(months.Select(month =>
        {
            var filter = TableFilter.PartitionKeyEquals(Month(month))
                .And(TableFilter.GreaterThanOrEqual("RowKey", Ticks(from)))
                .And(TableFilter.LessThan("RowKey", Ticks(to)));
            return Table.QueryEntitiesAsync(filter, cancellationToken: cancellationToken).Select(ToRecord).ToListAsync(cancellationToken).AsTask();
        }));
        return reads.SelectMany(r => r).ToList();
    }

    private static CaseSlaRecord ToRecord(TableEntity e) => new()
    {
        Number = e.GetString("Number")!,
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        SolvedAt = e.GetDateTimeOffset("SolvedAt"),
        Severity = e.GetInt32("Severity") ?? 0,
        Team = e.GetString("Team") ?? string.Empty,
        Category = e.GetString("Category") ?? string.Empty,
        AccountId = e.GetString("AccountId"),
        Clocks = StoredJson.Read<List<StoredClock>>(e.GetString("Clocks"), [])
            .Select(c => new ClockRecord(c.Clock, c.StartedAt, c.State, c.BusinessTicks is { } b ? TimeSpan.FromTicks(b) : null, c.ElapsedTicks is { } x ? TimeSpan.FromTicks(x) : null))
            .ToList(),
    };

    private static string Month(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);

    private sealed record StoredClock(SlaClockKind Clock, DateTimeOffset StartedAt, ClockRecordState State, long? BusinessTicks, long? ElapsedTicks);
}
