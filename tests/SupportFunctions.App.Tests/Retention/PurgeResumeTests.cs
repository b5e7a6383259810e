using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Retention;
using SupportFunctions.App.Tests.Cases;
using SupportFunctions.App.Tests.Infrastructure;
using SupportFunctions.Storage.Blobs;
using SupportFunctions.Storage.Repositories;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.App.Tests.Retention;

/// <summary>A purge run killed half-way (mid-page, part of the page already deleted) and restarted ends exactly like an uninterrupted run.</summary>
public sealed class PurgeResumeTests
{
    private const int PageSize = 40;

    private static Dictionary<string, string?> Settings(string prefix) => new()
    {
        ["SupportFunctions:Storage:Prefix"] = prefix,
        ["SupportFunctions:Retention:Schedule"] = string.Empty,
        ["SupportFunctions:Retention:PageSize"] = PageSize.ToString(CultureInfo.InvariantCulture),
        // The interrupted page's activity is retried this soon after the first process stops holding it.
        ["SupportFunctions:Durable:WorkItemVisibilityTimeout"] = "00:00:10",
    };

    private static Task<SupportApp> StartAsync(string prefix, Action<IServiceCollection>? services = null) =>
        SupportApp.StartAsync("everbridge", s => { foreach (var (k, v) in Settings(prefix)) { s[k] = v; } }, services);

    /// <summary>The same items in any prefix: 300 upload rows in 3 partitions and 150 inbound blobs; two thirds expired, some under a held case.</summary>
    private static async Task SeedAsync(SupportApp app)
    {
        var layout = app.Services.GetRequiredService<StorageLayout>();
        var now = DateTimeOffset.UtcNow;
        var uploads = layout.Table(StorageLayout.UploadsTable);
        for (var p = 0; p < 3; p++)
        {
            var rows = Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity($"contact|c{p}", $"u{i:D3}")
            {
                ["DataClass"] = i % 3 == 0 ? "uploadedDataFiles" : "smsDeliveryLogs",
                ["ExpiresAt"] = i % 3 == 2 ? now.AddDays(5) : now.AddDays(-1),
                ["CaseNumber"] = i % 10 == 0 ? "SUP-HELD" : null,
            })).ToList();
            await uploads.SubmitTransactionAsync(rows);
        }

        var inbound = layout.Container(StorageLayout.InboundContainer);
        await Parallel.ForEachAsync(Enumerable.Range(0, 150), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var metadata = new Dictionary<string, string> { ["dataclass"] = "rawInboundEmail", ["expiresat"] = (i % 3 == 2 ? now.AddDays(5) : now.AddDays(-1)).ToString("O", CultureInfo.InvariantCulture) };
            if (i % 7 == 0)
            {
                metadata["casenumber"] = "SUP-HELD";
            }

            using var content = new MemoryStream(Encoding.UTF8.GetBytes("From: someone"));
            await inbound.UploadAsync($"email/2026/11/{i:D4}", content, "text/plain", metadata, cancellationToken: ct);
        });
        await app.Services.GetRequiredService<LegalHoldRepository>().PlaceAsync(new LegalHold(LegalHold.CaseScope, "SUP-HELD", "test", "admin:test", now), CancellationToken.None);
    }

    private static async Task<(List<string> Rows, List<string> Blobs)> RemainingAsync(SupportApp app)
    {
        var layout = app.Services.GetRequiredService<StorageLayout>();
        var rows = await layout.Table(StorageLayout.UploadsTable).QueryEntitiesAsync().Select(e => e.PartitionKey + "/" + e.RowKey).OrderBy(k => k, StringComparer.Ordinal).ToListAsync();
        var blobs = await layout.Container(StorageLayout.InboundContainer).ListAsync().Select(b => b.Name).OrderBy(k => k, StringComparer.Ordinal).ToListAsync();
        return (rows, blobs);
    }

    private static async Task<JsonElement> CompletedAsync(SupportApp app, string runId) =>
        await Eventually.WaitAsync(async () => await (await app.Admin.GetAsync(new Uri($"/api/admin/purges/{runId}", UriKind.Relative))).JsonAsync(), r => r.GetProperty("state").GetString() == "completed", TimeSpan.FromSeconds(60), $"purge run {runId} to complete");

    private static async Task<string> StartRunAsync(SupportApp app)
    {
        var started = await app.Admin.PostAsync(new Uri("/api/admin/purges", UriKind.Relative), null);
        await SupportApp.Expect(started, HttpStatusCode.Accepted);
        return (await started.JsonAsync()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_run_killed_mid_page_and_restarted_ends_with_the_same_items_and_counts_as_an_uninterrupted_run()
    {
        await using var reference = await StartAsync(Azurite.UniqueName("r"));
        await SeedAsync(reference);
        var expected = await CompletedAsync(reference, await StartRunAsync(reference));
        var expectedRemaining = await RemainingAsync(reference);

        var prefix = Azurite.UniqueName("k");
        var crash = new CrashOnPage(3);
        var first = await StartAsync(prefix, services => services.AddSingleton<IPurgeProgress>(crash));
        await SeedAsync(first);
        crash.Table = first.Services.GetRequiredService<StorageLayout>().Table(StorageLayout.UploadsTable);
        var runId = await StartRunAsync(first);
        await crash.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await first.StopAsync();

        await using var restarted = await StartAsync(prefix);
        var actual = await CompletedAsync(restarted, runId);

        var actualRemaining = await RemainingAsync(restarted);
        Assert.Equal(expectedRemaining.Rows, actualRemaining.Rows);
        Assert.Equal(expectedRemaining.Blobs, actualRemaining.Blobs);
        Assert.Equal(expected.GetProperty("purged").GetRawText(), actual.GetProperty("purged").GetRawText());
        Assert.Equal(expected.GetProperty("held").GetRawText(), actual.GetProperty("held").GetRawText());
        Assert.Equal(expected.GetProperty("pages").GetInt32(), actual.GetProperty("pages").GetInt32());
        var proof = (await restarted.Admin.GetStringAsync(new Uri($"/api/admin/purges/{runId}/proof", UriKind.Relative))).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(proof.Length, proof.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(actual.GetProperty("purged").EnumerateObject().Sum(p => p.Value.GetInt64()), proof.Length);

        // Sanity of the seed: per partition 33 unexpired rows and 7 expired rows of the held case stay.
        Assert.Equal(3 * (33 + 7), expectedRemaining.Rows.Count);
        Assert.True(expected.GetProperty("held").EnumerateObject().Sum(p => p.Value.GetInt64()) > 0);
    }

    [Fact]
    public async Task A_run_whose_page_keeps_failing_is_shown_failed_with_its_error_and_the_next_start_begins_anew()
    {
        var failing = new FailingPages();
        await using var app = await StartAsync(Azurite.UniqueName("f"), services => services.AddSingleton<IPurgeProgress>(failing));
        await SeedAsync(app);
        var failedId = await StartRunAsync(app);

        // Five attempts with backoff (2 + 4 + 8 + 16 s), then the orchestration fails.
        var failed = await Eventually.WaitAsync(async () => await (await app.Admin.GetAsync(new Uri($"/api/admin/purges/{failedId}", UriKind.Relative))).JsonAsync(), r => r.GetProperty("state").GetString() != "running", TimeSpan.FromSeconds(90), "the run to fail");
        Assert.Equal("failed", failed.GetProperty("state").GetString());
        Assert.Contains("the disk is on fire", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Task 'ExecutePurgePageActivity'", failed.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, failing.Attempts);

        failing.Fail = false;
        var next = await StartRunAsync(app);
        var completed = await CompletedAsync(app, next);

        Assert.NotEqual(failedId, next);
        Assert.True(completed.GetProperty("purged").EnumerateObject().Sum(p => p.Value.GetInt64()) > 0);
        var recorded = app.Services.GetRequiredService<PurgeRunRepository>();
        Assert.Equal(PurgeRun.Failed, (await recorded.GetAsync(failedId, CancellationToken.None))!.State);
    }

    /// <summary>Every page execution fails while <see cref="Fail"/> is set.</summary>
    private sealed class FailingPages : IPurgeProgress
    {
        private int _attempts;

        public volatile bool Fail = true;

        public int Attempts => _attempts;

        public Task PagePlannedAsync(string runId, string source, int page, IReadOnlyList<PurgeTarget> targets, CancellationToken cancellationToken)
        {
            if (!Fail)
            {
                return Task.CompletedTask;
            }

            Interlocked.Increment(ref _attempts);
            throw new IOException("the disk is on fire");
        }
    }

    /// <summary>On the n-th planned page: deletes half of it (the worker got that far), then hangs until the app is stopped.</summary>
    private sealed class CrashOnPage(int page) : IPurgeProgress
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TableClient? Table { get; set; }

        public async Task PagePlannedAsync(string runId, string source, int pageNumber, IReadOnlyList<PurgeTarget> targets, CancellationToken cancellationToken)
        {
            if (pageNumber != page || Reached.Task.IsCompleted)
            {
                return;
            }

            Assert.Equal(StorageLayout.UploadsTable, source);
            foreach (var target in targets.Take(targets.Count / 2))
            {
                await Table!.DeleteAsync(target.Key, target.Row!, cancellationToken: cancellationToken);
            }

            Reached.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }
}
