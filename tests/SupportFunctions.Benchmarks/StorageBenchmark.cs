using System.Globalization;
using System.Text;
using SupportFunctions.Storage;
using SupportFunctions.Storage.Queues;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.Benchmarks;

/// <summary>Single-entity insert, point read and queue send: our clients against raw signed HttpClient requests.</summary>
public static class StorageBenchmark
{
    public static async Task RunAsync(StorageAccount account, TimeSpan duration)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var table = new TableServiceClient(account).GetTableClient("bench" + suffix);
        var queue = new QueueServiceClient(account).GetQueueClient("bench-" + suffix);
        await table.CreateIfNotExistsAsync();
        await queue.CreateIfNotExistsAsync();
        using var raw = new RawStorageRequests(account);
        const int readSet = 100;
        for (var i = 0; i < readSet; i += 100)
        {
            await table.SubmitTransactionAsync(Enumerable.Range(i, 100).Select(n => new TableTransactionAction(TableTransactionActionKind.Add, Sample("read", $"r{n:D3}"))).ToList());
        }

        var rows = new List<(string Operation, int Concurrency, Measurement Client, Measurement Raw)>();
        foreach (var concurrency in new[] { 1, 8, 32 })
        {
            var run = Guid.NewGuid().ToString("N")[..6];
            rows.Add(("table insert", concurrency,
                await Throughput.MeasureAsync(concurrency, duration, n => table.InsertAsync(Sample("c" + run, n.ToString("D10", CultureInfo.InvariantCulture)))),
                await Throughput.MeasureAsync(concurrency, duration, n => raw.InsertEntityAsync(table.Name, "r" + run, n.ToString("D10", CultureInfo.InvariantCulture), EntityBytes("r" + run, n)))));
            rows.Add(("table point read", concurrency,
                await Throughput.MeasureAsync(concurrency, duration, n => table.GetAsync("read", $"r{n % readSet:D3}")),
                await Throughput.MeasureAsync(concurrency, duration, n => raw.GetEntityAsync(table.Name, "read", $"r{n % readSet:D3}"))));
            rows.Add(("queue send", concurrency,
                await Throughput.MeasureAsync(concurrency, duration, _ => queue.SendAsync(Message)),
                await Throughput.MeasureAsync(concurrency, duration, _ => raw.SendMessageAsync(queue.Name, Message))));
        }

        await table.DeleteAsync();
        await queue.DeleteAsync();

        Console.WriteLine();
        Console.WriteLine($"{"operation",-18} {"conc",4} {"client ops/s",13} {"p50 ms",7} {"p99 ms",7} {"raw ops/s",10} {"p50 ms",7} {"p99 ms",7} {"client/raw",10}");
        foreach (var (operation, concurrency, client, rawResult) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{operation,-18} {concurrency,4} {client.OperationsPerSecond,13:F0} {client.P50Milliseconds,7:F2} {client.P99Milliseconds,7:F2} {rawResult.OperationsPerSecond,10:F0} {rawResult.P50Milliseconds,7:F2} {rawResult.P99Milliseconds,7:F2} {client.OperationsPerSecond / rawResult.OperationsPerSecond,10:P0}"));
        }
    }

    private const string Message = "{\"kind\":\"sla-warning\",\"case\":\"CS-000123\",\"token\":\"2f1c0d6e\",\"dueAt\":\"2026-11-23T08:30:00Z\"}";

    private static TableEntity Sample(string partitionKey, string rowKey) => new(partitionKey, rowKey)
    {
        ["Subject"] = "Cannot send SMS notifications to group Ops-East",
        ["Status"] = "Open",
        ["Severity"] = 2,
        ["CreatedAt"] = new DateTimeOffset(2026, 11, 20, 16, 30, 0, TimeSpan.Zero),
        ["Version"] = 1L,
    };

    private static byte[] EntityBytes(string partitionKey, long n) => Encoding.UTF8.GetBytes(
        $"{{\"PartitionKey\":\"{partitionKey}\",\"RowKey\":\"{n:D10}\",\"Subject\":\"Cannot send SMS notifications to group Ops-East\",\"Status\":\"Open\",\"Severity\":2,\"CreatedAt@odata.type\":\"Edm.DateTime\",\"CreatedAt\":\"2026-11-20T16:30:00.0000000Z\",\"Version@odata.type\":\"Edm.Int64\",\"Version\":\"1\"}}");
}
