using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using SupportFunctions.Storage;
using SupportFunctions.Storage.Blobs;
using SupportFunctions.Storage.Queues;
using SupportFunctions.Storage.Repositories;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.Benchmarks;

/// <summary>
/// The same operation, at the same concurrency, two ways: through our code on the SDK (repositories and the shared
/// table/queue operations, with our client options and request counter) and as the bare SDK call on a client with the
/// SDK's default options (only the service version pinned, which Azurite needs), interleaved call by call. The ratio is
/// our overhead, by mean (what throughput sees, and where one emulator pause on either side shows) and by median.
/// </summary>
public static class StorageBenchmark
{
    public static async Task RunAsync(string connectionString, TimeSpan duration)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var naming = new StorageNaming("b" + suffix[..8]);
        var layout = new StorageLayout(
            new TableServiceClient(connectionString, StorageClientSettings.Tables()),
            new BlobServiceClient(connectionString, StorageClientSettings.Blobs()),
            new QueueServiceClient(connectionString, StorageClientSettings.Queues()),
            naming);
        var ours = layout.Table(StorageLayout.PoisonTable);
        var bare = new TableClient(connectionString, ours.Name);
        var oursQueue = layout.Queue(StorageLayout.NotificationsQueue);
        var bareQueue = new QueueClient(connectionString, oursQueue.Name, new QueueClientOptions(StorageClientSettings.QueueVersion) { MessageEncoding = QueueMessageEncoding.Base64 });
        var poison = new PoisonRepository(layout);
        var oursBlobs = layout.Container(StorageLayout.OutboxContainer);
        var bareBlobs = new BlobContainerClient(connectionString, oursBlobs.Name, new BlobClientOptions(StorageClientSettings.BlobVersion));
        await oursBlobs.CreateIfNotExistsAsync();
        await ours.CreateIfNotExistsAsync();
        await oursQueue.CreateIfNotExistsAsync();
        const int readSet = 100;
        await ours.SubmitAsync(Enumerable.Range(0, readSet).Select(n => new TableTransactionAction(TableTransactionActionType.Add, Sample("read", $"r{n:D3}"))).ToList());

        var rows = new List<(string Operation, int Concurrency, Measurement Ours, Measurement Bare)>();
        foreach (var concurrency in new[] { 1, 8, 32 })
        {
            var run = Guid.NewGuid().ToString("N")[..6];
            rows.Add(await PairAsync("table insert", concurrency, duration, (t, n) => ours.InsertAsync(Sample("o" + run + t, Row(n))), (t, n) => bare.AddEntityAsync(Sample("b" + run + t, Row(n)))));
            rows.Add(await PairAsync("table point read", concurrency, duration, (_, n) => ours.FindAsync("read", $"r{n % readSet:D3}"), (_, n) => bare.GetEntityIfExistsAsync<TableEntity>("read", $"r{n % readSet:D3}")));
            rows.Add(await PairAsync("poison park (repo)", concurrency, duration, (t, n) => poison.ParkAsync(new PoisonMessage("o" + run + t + Row(n), "cases-inbound", Message, 5, At, "FormatException: not JSON"), default), (t, n) => bare.UpsertEntityAsync(PoisonRow("b" + run + t + Row(n)))));
            rows.Add(await PairAsync("blob upload 4 KiB", concurrency, duration, (t, n) => oursBlobs.UploadAsync($"o{run}{t}/{Row(n)}", new MemoryStream(Blob, writable: false), "application/json"), (t, n) => bareBlobs.GetBlobClient($"b{run}{t}/{Row(n)}").UploadAsync(new MemoryStream(Blob, writable: false), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" }, Conditions = new BlobRequestConditions { IfNoneMatch = Azure.ETag.All } })));
            rows.Add(await PairAsync("queue send", concurrency, duration, (_, _) => oursQueue.SendAsync(Message), (_, _) => bareQueue.SendMessageAsync(Message, TimeSpan.Zero, TimeSpan.FromSeconds(-1))));
        }

        await ours.DeleteAsync();
        await oursQueue.DeleteAsync();
        await oursBlobs.DeleteAsync();

        Console.WriteLine();
        Console.WriteLine($"{"operation",-19} {"conc",4} {"ours ops/s",11} {"p50 ms",7} {"p99 ms",7} {"bare ops/s",11} {"p50 ms",7} {"p99 ms",7} {"overhead",9} {"by p50",7}");
        foreach (var (operation, concurrency, oursResult, bareResult) in rows)
        {
            var overhead = (bareResult.OperationsPerSecond / oursResult.OperationsPerSecond) - 1;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{operation,-19} {concurrency,4} {oursResult.OperationsPerSecond,11:F0} {oursResult.P50Milliseconds,7:F2} {oursResult.P99Milliseconds,7:F2} {bareResult.OperationsPerSecond,11:F0} {bareResult.P50Milliseconds,7:F2} {bareResult.P99Milliseconds,7:F2} {overhead,9:P1} {(oursResult.P50Milliseconds / bareResult.P50Milliseconds) - 1,7:P1}"));
        }

        Console.WriteLine("overhead = bare ops/s ÷ ours ops/s − 1 = ours mean latency ÷ bare mean latency − 1; by p50: the same with the medians; the two sides interleaved call by call (negative: ours was faster).");
    }

    /// <summary>
    /// Ours and bare interleaved call by call (<see cref="PairedThroughput"/>). The first argument of each operation
    /// names the side ("o", "b"), so inserts never reuse a key.
    /// </summary>
    private static async Task<(string, int, Measurement, Measurement)> PairAsync(string operation, int concurrency, TimeSpan duration, Func<string, long, Task> ours, Func<string, long, Task> bare)
    {
        var (oursResult, bareResult) = await PairedThroughput.MeasureAsync(concurrency, duration, n => ours("o", n), n => bare("b", n));
        return (operation, concurrency, oursResult, bareResult);
    }

    private const string Message = "{\"kind\":\"sla-warning\",\"case\":\"CS-000123\",\"token\":\"2f1c0d6e\",\"dueAt\":\"2026-11-23T08:30:00Z\"}";

    /// <summary>About the size of a rendered notification in the outbox container.</summary>
    private static readonly byte[] Blob = System.Text.Encoding.UTF8.GetBytes(new string('x', 4096));

    private static readonly DateTimeOffset At = new(2026, 11, 20, 16, 30, 0, TimeSpan.Zero);

    private static string Row(long n) => n.ToString("D10", CultureInfo.InvariantCulture);

    private static TableEntity Sample(string partitionKey, string rowKey) => new(partitionKey, rowKey)
    {
        ["Subject"] = "Cannot send SMS notifications to group Ops-East",
        ["Status"] = "Open",
        ["Severity"] = 2,
        ["CreatedAt"] = At,
        ["Version"] = 1L,
    };

    /// <summary>The row <see cref="PoisonRepository.ParkAsync"/> writes, built by hand for the bare side.</summary>
    private static TableEntity PoisonRow(string id) => new("poison", id)
    {
        ["Queue"] = "cases-inbound",
        ["Text"] = Message,
        ["DequeueCount"] = 5L,
        ["FailedAt"] = At,
        ["Error"] = "FormatException: not JSON",
        ["DataClass"] = "poison",
    };
}
