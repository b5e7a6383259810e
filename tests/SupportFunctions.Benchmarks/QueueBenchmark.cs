using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.Domain.AgentQueues;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Domain.Reports;
using SupportFunctions.Domain.Sla;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.Benchmarks;

/// <summary>
/// The agents' queue and the SLA report at desk scale: open cases over 5 teams and 50 accounts (1,000, then 10,000),
/// plus 10,000 closed cases with their clock outcomes. Measures the first page (50) of one team's queue by SLA due,
/// with and without a status filter, and one report over everything, each through the API on Kestrel; and, in the
/// same run, the bare SDK reading the same entities the design reads (the floor).
/// </summary>
public static class QueueBenchmark
{
    private const string Team = "customer-care";
    private static readonly CaseStatus[] OpenStatuses = [CaseStatus.New, CaseStatus.Open, CaseStatus.Open, CaseStatus.PendingCustomer, CaseStatus.OnHold, CaseStatus.PendingThirdParty, CaseStatus.Solved];

    public static async Task RunAsync(string connectionString, string policyPath, int[] openCounts, int closedCount, TimeSpan duration, int reportRuns)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SUPPORTFUNCTIONS_APP", AppContext.BaseDirectory);
        await using var app = new BenchApp(connectionString, policyPath);
        using var admin = await app.StartAsAdminAsync();
        var policy = app.Services.GetRequiredService<SupportPolicy>();
        var queue = app.Services.GetRequiredService<AgentQueueRepository>();
        var reports = app.Services.GetRequiredService<SlaReportRepository>();
        var layout = app.Services.GetRequiredService<StorageLayout>();
        var teams = policy.Teams.Select(t => t.Id).ToList();

        await BenchApp.ExpectAsync(await admin.PostAsJsonAsync("/api/admin/agents", new { id = "bench-agent", name = "Bench Agent", email = "agent@vendor.example", teams = new[] { Team } }));
        var issued = await admin.PostAsJsonAsync("/api/admin/keys", new { principalKind = "agent", principalId = "bench-agent" });
        await BenchApp.ExpectAsync(issued);
        using var agent = app.CreateClient();
        agent.DefaultRequestHeaders.Add("X-Api-Key", (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString());
        await Parallel.ForEachAsync(Enumerable.Range(0, 50), async (i, ct) =>
            await BenchApp.ExpectAsync(await admin.PostAsJsonAsync("/api/admin/accounts", new { id = Account(i), name = $"Account {i:D2}", timeZone = "America/New_York" }, ct)));

        var now = DateTimeOffset.UtcNow;
        var random = new Random(7);
        var clock = Stopwatch.StartNew();
        var closed = Enumerable.Range(0, closedCount).Select(i => ClosedRecord(i, policy, now, random)).ToList();
        await Parallel.ForEachAsync(closed, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (r, ct) => await reports.WriteAsync(r, ct));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {closedCount:N0} closed cases' report rows in {clock.Elapsed.TotalSeconds:F0} s"));

        var seeded = 0;
        var table = layout.Table(StorageLayout.AgentQueueTable);
        foreach (var open in openCounts)
        {
            clock.Restart();
            var cases = Enumerable.Range(seeded, open - seeded).Select(i => OpenCase(i, policy, teams, now, random)).ToList();
            await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (c, ct) =>
            {
                await queue.WriteAsync(c.Team, c.Number, AgentQueueEntry.From(c, policy), ct);
                await reports.WriteAsync(CaseSlaRecord.From(c, [], policy), ct);
            });
            seeded = open;

            // Let the emulator finish writing the seeding to disk before anything is timed.
            await Task.Delay(TimeSpan.FromSeconds(10));
            var inTeam = await table.QueryAsync<TableEntity>($"PartitionKey eq '{Team}' and RowKey gt 'c|' and RowKey lt 'c}}'", select: ["Status"]).CountAsync();
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{open:N0} open cases ({inTeam:N0} in {Team}), seeded in {clock.Elapsed.TotalSeconds:F0} s; first page of 50; the API and the floor one request each in turn for {2 * duration.TotalSeconds:F0} s"));
            Console.WriteLine($"{"read",-44} {"p50 ms",8} {"p99 ms",8} {"floor p50",10} {"floor p99",10} {"p99/floor",10}");
            await CompareAsync("queue by SLA due", duration, () => PageAsync(agent, "/api/queue?pageSize=50"), () => FloorAsync(table, $"PartitionKey eq '{Team}' and RowKey gt 's|' and RowKey lt 's}}'"));
            await CompareAsync("queue by SLA due, status=Open", duration, () => PageAsync(agent, "/api/queue?pageSize=50&status=Open"), () => FloorAsync(table, $"PartitionKey eq '{Team}' and RowKey gt 's|' and RowKey lt 's}}' and Status eq 'Open'"));
        }

        // The report over everything: every case opened in the seeded range, grouped by severity.
        var from = now.AddDays(-100);
        var to = now.AddDays(1);
        var path = $"/api/reports/sla?from={from.UtcDateTime:yyyy-MM-dd}&to={to.UtcDateTime:yyyy-MM-dd}&groupBy=severity";
        var report = await agent.GetFromJsonAsync<JsonElement>(path);
        var reported = report.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("cases").GetInt32());
        var reportTable = layout.Table(StorageLayout.SlaReportTable);
        var months = Enumerable.Range(0, 5).Select(m => new DateTimeOffset(from.Year, from.Month, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(m)).Where(m => m < to).ToList();
        var app99 = new List<double>();
        var floor99 = new List<double>();
        for (var run = 0; run < reportRuns; run++)
        {
            app99.Add(await TimeAsync(async () => (await agent.GetAsync(path)).EnsureSuccessStatusCode().Dispose()));
            floor99.Add(await TimeAsync(() => Task.WhenAll(months.Select(m =>
                reportTable.QueryAsync<TableEntity>($"PartitionKey eq '{m:yyyy-MM}' and RowKey ge '{from.UtcTicks:D19}' and RowKey lt '{to.UtcTicks:D19}'").CountAsync().AsTask()))));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SLA report over {reported:N0} cases ({closedCount:N0} closed), groupBy=severity, {reportRuns} runs: p50 {Percentile(app99, 0.5):F0} ms, p99 {Percentile(app99, 0.99):F0} ms (goal ≤ 2,000); bare SDK read of the same rows p50 {Percentile(floor99, 0.5):F0} ms, p99 {Percentile(floor99, 0.99):F0} ms"));
    }

    /// <summary>
    /// The page through the API and the floor alternately, one request each in turn, for the whole duration: both meet
    /// the same emulator (its periodic saves to disk, the seeding's aftermath), so their ratio compares like with like.
    /// </summary>
    private static async Task CompareAsync(string name, TimeSpan duration, Func<Task> app, Func<Task> floor)
    {
        for (var i = 0; i < 20; i++)
        {
            await app();
            await floor();
        }

        var mine = new List<double>();
        var bare = new List<double>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration * 2)
        {
            mine.Add(await TimeAsync(app));
            bare.Add(await TimeAsync(floor));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-44} {Percentile(mine, 0.5),8:F1} {Percentile(mine, 0.99),8:F1} {Percentile(bare, 0.5),10:F1} {Percentile(bare, 0.99),10:F1} {Percentile(mine, 0.99) / Percentile(bare, 0.99),10:F2}  ({mine.Count} pairs)"));
    }

    private static async Task PageAsync(HttpClient agent, string path)
    {
        using var response = await agent.GetAsync(path);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>What the design reads for a page: the first rows of the order's key range that pass the filter, until 50 or the end.</summary>
    private static async Task FloorAsync(TableClient table, string filter)
    {
        var rows = 0;
        await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: 50).AsPages(pageSizeHint: 50))
        {
            rows += page.Values.Count;
            if (rows >= 50)
            {
                break;
            }
        }
    }

    private static async Task<double> TimeAsync(Func<Task> operation)
    {
        var started = Stopwatch.GetTimestamp();
        await operation();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static string Account(int i) => "acct-" + i.ToString("D2", CultureInfo.InvariantCulture);

    private static SupportCase OpenCase(int i, SupportPolicy policy, List<string> teams, DateTimeOffset now, Random random)
    {
        var created = now.AddMinutes(-random.Next(1, 60 * 24 * 60));
        var severity = 1 + random.Next(4);
        var status = OpenStatuses[random.Next(OpenStatuses.Length)];
        var sla = SlaClocks.Start(policy, severity, created);
        if (random.Next(3) == 0)
        {
            sla = SlaClocks.OnAgentReply(sla, created.AddMinutes(random.Next(5, 600)));
        }

        sla = SlaClocks.OnStatus(sla, policy, status, created.AddHours(1));
        return new SupportCase
        {
            Number = "Q-" + i.ToString("D6", CultureInfo.InvariantCulture), Subject = $"Calls drop on line {i}", Description = "d", Category = "technical-support",
            Status = status, Severity = severity, Team = teams[i % teams.Count], AssigneeId = random.Next(3) == 0 ? "bench-agent" : null, Channel = "web",
            RequesterEmail = $"r{i}@example.com", RequesterName = $"Requester {i}", AccountId = Account(i % 50), Language = "en", TimeZone = "America/New_York",
            CreatedAt = created, UpdatedAt = created.AddHours(1), Version = 3, Sla = sla,
        };
    }

    private static CaseSlaRecord ClosedRecord(int i, SupportPolicy policy, DateTimeOffset now, Random random)
    {
        var created = now.AddMinutes(-random.Next(60 * 24, 60 * 24 * 90));
        var first = TimeSpan.FromMinutes(random.Next(1, 240));
        var restore = TimeSpan.FromHours(random.Next(1, 96));
        var firstTarget = SlaClocks.TargetFor(policy, 2)?.FirstResponse ?? TimeSpan.FromHours(1);
        return new CaseSlaRecord
        {
            Number = "C-" + i.ToString("D6", CultureInfo.InvariantCulture), CreatedAt = created, SolvedAt = created + restore, Severity = 1 + random.Next(4),
            Team = policy.Teams[i % policy.Teams.Count].Id, Category = "technical-support", AccountId = Account(i % 50),
            Clocks =
            [
                new ClockRecord(SlaClockKind.FirstResponse, created, first <= firstTarget ? ClockRecordState.Achieved : ClockRecordState.Breached, first, first + TimeSpan.FromMinutes(random.Next(0, 600))),
                new ClockRecord(SlaClockKind.Restoration, created, ClockRecordState.Achieved, restore, restore),
            ],
        };
    }
}
