using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using SupportFunctions.Storage;
using SupportFunctions.Storage.Blobs;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.Benchmarks;

/// <summary>
/// What the storage service itself charges per purged item, whatever our code does: with N items resident, the time of
/// one delete request per entity against a 100-entity transaction (per entity), one filtered page of 1,000, and one
/// blob delete. Batching saves requests, not the service's own work per item, so single / transaction-per-entity is
/// the most batching can gain on this service.
/// </summary>
public static class PurgeCeiling
{
    private const int Probes = 200;

    public static async Task RunAsync(string connectionString, IReadOnlyList<int> entityLevels, IReadOnlyList<int> blobLevels)
    {
        ArgumentNullException.ThrowIfNull(entityLevels);
        ArgumentNullException.ThrowIfNull(blobLevels);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var table = new TableServiceClient(connectionString, StorageClientSettings.Tables()).GetTableClient("ceiling" + suffix);
        var container = new BlobServiceClient(connectionString, StorageClientSettings.Blobs()).GetBlobContainerClient("ceiling-" + suffix);
        await table.CreateIfNotExistsAsync();
        await container.CreateIfNotExistsAsync();
        var expired = DateTimeOffset.UtcNow.AddDays(-1);
        try
        {
            var seeded = 0;
            foreach (var level in entityLevels.Order())
            {
                await Parallel.ForEachAsync(Enumerable.Range(seeded / 100, (level - seeded) / 100), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (p, ct) =>
                    await table.SubmitAsync(Rows($"resident{p:D5}", expired).Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)).ToList(), ct));
                seeded = level;
                var single = await DeleteOneByOneAsync(table, expired);
                var batched = await DeleteInTransactionsAsync(table, expired);
                var page = await FilteredPageAsync(table, expired);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"storage ceiling with {level,7} entities resident: delete {single:F2} ms/entity one by one, {batched:F2} ms/entity in transactions of 100 (batching gains at most {single / batched:F1}x); a filtered page of 1,000 takes {page:F0} ms"));
            }

            seeded = 0;
            foreach (var level in blobLevels.Order())
            {
                await Parallel.ForEachAsync(Enumerable.Range(seeded, level - seeded), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) => await UploadAsync(container, $"resident/{i:D6}", ct));
                seeded = level;
                var blob = await DeleteBlobsAsync(container, parallelism: 1);
                var parallel = await DeleteBlobsAsync(container, parallelism: 16);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"storage ceiling with {level,7} blobs resident: delete {blob:F2} ms/blob one at a time, {parallel:F2} ms/blob 16 at a time ({blob / parallel:F1}x)"));
            }
        }
        finally
        {
            await table.DeleteAsync();
            await container.DeleteAsync();
        }
    }

    private static IEnumerable<TableEntity> Rows(string partition, DateTimeOffset expiresAt) =>
        Enumerable.Range(0, 100).Select(i => new TableEntity(partition, $"r{i:D3}") { ["DataClass"] = "uploadedDataFiles", ["ExpiresAt"] = expiresAt });

    private static async Task<List<List<TableEntity>>> SeedProbesAsync(TableClient table, string prefix, int partitions, DateTimeOffset expiresAt)
    {
        var seeded = new List<List<TableEntity>>();
        for (var p = 0; p < partitions; p++)
        {
            var rows = Rows($"{prefix}{p}", expiresAt).ToList();
            await table.SubmitAsync(rows.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)).ToList());
            seeded.Add(rows);
        }

        return seeded;
    }

    private static async Task<double> DeleteOneByOneAsync(TableClient table, DateTimeOffset expiresAt)
    {
        var rows = (await SeedProbesAsync(table, "probe-single", Probes / 100, expiresAt)).SelectMany(p => p).ToList();
        var clock = Stopwatch.StartNew();
        foreach (var row in rows)
        {
            await table.DeleteAsync(row.PartitionKey, row.RowKey);
        }

        return clock.Elapsed.TotalMilliseconds / rows.Count;
    }

    private static async Task<double> DeleteInTransactionsAsync(TableClient table, DateTimeOffset expiresAt)
    {
        var partitions = await SeedProbesAsync(table, "probe-batch", Probes / 10, expiresAt);
        var clock = Stopwatch.StartNew();
        foreach (var partition in partitions)
        {
            await table.SubmitAsync(partition.Select(e => TableOperations.Delete(e.PartitionKey, e.RowKey)).ToList());
        }

        return clock.Elapsed.TotalMilliseconds / partitions.Sum(p => p.Count);
    }

    private static async Task<double> FilteredPageAsync(TableClient table, DateTimeOffset expiresAt)
    {
        var clock = Stopwatch.StartNew();
        await foreach (var page in table.QueryPagesAsync(TableFilter.LessThanOrEqual("ExpiresAt", expiresAt.AddHours(1)), ["DataClass", "ExpiresAt"], 1000, null))
        {
            _ = page.Values.Count;
            break;
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    private static async Task UploadAsync(BlobContainerClient container, string name, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes("From: bench@example.com\r\n\r\nbody"));
        await container.UploadAsync(name, content, "message/rfc822", cancellationToken: cancellationToken);
    }

    private static async Task<double> DeleteBlobsAsync(BlobContainerClient container, int parallelism)
    {
        var names = Enumerable.Range(0, Probes).Select(i => $"probe/{parallelism}/{i:D4}").ToList();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (name, ct) => await UploadAsync(container, name, ct));
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (name, ct) =>
            await container.DeleteIfExistsAsync(name, ct));
        return clock.Elapsed.TotalMilliseconds / names.Count;
    }
}
