using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using SupportFunctions.App.Storage;
using SupportFunctions.Storage.Blobs;
using SupportFunctions.Storage.Repositories;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.Benchmarks;

/// <summary>
/// A purge run over expired entities (uploads table, 100 per partition) and blobs (inbound container), through
/// POST /api/admin/purges and the purges queue: batched (entity group transactions, parallel blob deletes) against
/// one by one. Each mode gets its own storage prefix and the same seed.
/// </summary>
public static class PurgeBenchmark
{
    public static async Task RunAsync(string connectionString, string policyPath, int entities, int blobs)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SUPPORTFUNCTIONS_APP", AppContext.BaseDirectory);
        Console.WriteLine($"purge: {entities:N0} expired entities ({entities / 100:N0} partitions) and {blobs:N0} expired blobs");
        Console.WriteLine("mode        entities/s  blobs/s  total s  items/s");
        var batched = await MeasureAsync(connectionString, policyPath, entities, blobs, batch: true);
        var single = await MeasureAsync(connectionString, policyPath, entities, blobs, batch: false);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"batched / one-by-one: entities {batched.EntityRate / single.EntityRate:F1}x, blobs {batched.BlobRate / single.BlobRate:F1}x, overall {single.Seconds / batched.Seconds:F1}x"));
    }

    private static async Task<(double EntityRate, double BlobRate, double Seconds)> MeasureAsync(string connectionString, string policyPath, int entities, int blobs, bool batch)
    {
        var settings = new Dictionary<string, string>
        {
            ["SupportFunctions:Retention:Schedule"] = string.Empty,
            ["SupportFunctions:Retention:BatchDeletes"] = batch ? "true" : "false",
            ["SupportFunctions:Queues:PollIntervalMilliseconds"] = "50",
        };
        await using var app = new BenchApp(connectionString, policyPath, settings);
        await app.Services.GetRequiredService<StorageInitializer>().Ready;
        var layout = app.Services.GetRequiredService<StorageLayout>();
        var seeding = Stopwatch.StartNew();
        await SeedAsync(layout, entities, blobs);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  (seeded in {seeding.Elapsed.TotalSeconds:F1} s)"));
        using var http = app.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", BenchApp.AdminKey);

        var clock = Stopwatch.StartNew();
        var started = await http.PostAsync(new Uri("/api/admin/purges", UriKind.Relative), null);
        var runId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        TimeSpan? entitiesDone = null, blobsStarted = null, blobsDone = null;
        while (true)
        {
            var run = await http.GetFromJsonAsync<JsonElement>($"/api/admin/purges/{runId}");
            var phase = run.GetProperty("phase").ValueKind == JsonValueKind.String ? run.GetProperty("phase").GetString() : null;
            entitiesDone ??= phase is not (StorageLayout.UploadsTable) ? clock.Elapsed : null;
            blobsStarted ??= phase is "inbound-files" or "cases" or null ? clock.Elapsed : null;
            blobsDone ??= phase is "cases" or null ? clock.Elapsed : null;
            if (run.GetProperty("state").GetString() == "completed")
            {
                break;
            }

            await Task.Delay(50);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var remaining = await layout.Table(StorageLayout.UploadsTable).QueryEntitiesAsync(select: ["PartitionKey"]).CountAsync()
            + await layout.Container(StorageLayout.InboundContainer).ListAsync().CountAsync();
        if (remaining != 0)
        {
            throw new InvalidOperationException($"{remaining} expired items remain after the run.");
        }

        var entityRate = entities / entitiesDone!.Value.TotalSeconds;
        var blobRate = blobs / (blobsDone!.Value - blobsStarted!.Value).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(batch ? "batched" : "one-by-one"),-10}  {entityRate,10:F0}  {blobRate,7:F0}  {seconds,7:F1}  {(entities + blobs) / seconds,7:F0}"));
        return (entityRate, blobRate, seconds);
    }

    private static async Task SeedAsync(StorageLayout layout, int entities, int blobs)
    {
        var expired = DateTimeOffset.UtcNow.AddDays(-1);
        var uploads = layout.Table(StorageLayout.UploadsTable);
        await Parallel.ForEachAsync(Enumerable.Range(0, entities / 100), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (p, ct) =>
            await uploads.SubmitAsync(
                Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity($"contact|bench{p:D5}", $"u{i:D3}") { ["DataClass"] = "uploadedDataFiles", ["ExpiresAt"] = expired })).ToList(),
                ct));
        var inbound = layout.Container(StorageLayout.InboundContainer);
        var metadata = new Dictionary<string, string> { ["dataclass"] = "rawInboundEmail", ["expiresat"] = expired.ToString("O", CultureInfo.InvariantCulture) };
        await Parallel.ForEachAsync(Enumerable.Range(0, blobs), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            using var content = new MemoryStream(Encoding.UTF8.GetBytes("From: bench@example.com\r\n\r\nbody"));
            await inbound.UploadAsync($"email/bench/{i:D6}", content, "message/rfc822", metadata, cancellationToken: ct);
        });
    }
}
