using Azure.Data.Tables;

namespace SupportFunctions.Benchmarks;

/// <summary>
/// The SLA events the bench's cases recorded, read with one query of the cases table: when each case was created, its
/// breaches (in order; more than one is a doubled breach), and how many warnings there were.
/// </summary>
public sealed record SlaEvents(IReadOnlyDictionary<string, DateTimeOffset> Created, IReadOnlyDictionary<string, List<DateTimeOffset>> Breaches, int Warnings)
{
    public static async Task<SlaEvents> ReadAsync(TableClient cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var created = new Dictionary<string, DateTimeOffset>();
        var breaches = new Dictionary<string, List<DateTimeOffset>>();
        var warnings = 0;
        await foreach (var row in cases.QueryAsync<TableEntity>("Type eq 'created' or Type eq 'sla-breached' or Type eq 'sla-warning'", select: ["PartitionKey", "Type", "At"]))
        {
            var at = row.GetDateTimeOffset("At") ?? throw new InvalidOperationException($"An event of case {row.PartitionKey} has no time.");
            switch (row.GetString("Type"))
            {
                case "created":
                    created[row.PartitionKey] = at;
                    break;
                case "sla-breached":
                    (breaches.TryGetValue(row.PartitionKey, out var list) ? list : breaches[row.PartitionKey] = []).Add(at);
                    break;
                default:
                    warnings++;
                    break;
            }
        }

        foreach (var list in breaches.Values)
        {
            list.Sort();
        }

        return new SlaEvents(created, breaches, warnings);
    }
}
