using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.Benchmarks;

/// <summary>
/// Opens N real cases through the API (each starts its case SLA orchestration on the durable backend over Azurite)
/// under a policy whose first-response targets are seconds: severities 2, 3 and 4 (a third of the cases each; PureCloud
/// takes Severity 1 by phone only) have targets 30 s apart, so the breaches fall due over a window of at least 60 s
/// (plus the opening window), as the benchmark asks. Reports the time to start them, breach lateness (recorded − due; early firings would be negative),
/// and cases whose breach was lost or recorded twice.
/// </summary>
public static class SlaTimerBenchmark
{
    private static readonly TimeSpan LostAfter = TimeSpan.FromMinutes(10);

    public static async Task RunAsync(string connectionString, int count)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SUPPORTFUNCTIONS_APP", AppContext.BaseDirectory);
        var shortest = TimeSpan.FromSeconds(Math.Max(60, count / 15));
        TimeSpan Target(int severity) => shortest + TimeSpan.FromSeconds(30 * Math.Max(0, severity - 2));
        var policy = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "policies", "purecloud.json")))!;
        var targets = new JsonArray();
        foreach (var severity in new[] { 1, 2, 3, 4 })
        {
            targets.Add(new JsonObject { ["severity"] = severity, ["calendar"] = "always", ["firstResponse"] = $"PT{(int)Target(severity).TotalSeconds}S", ["restoration"] = "P30D" });
        }

        policy["sla"]!["targets"] = targets;
        policy.AsObject().Remove("$schema");
        var policyPath = Path.Combine(Path.GetTempPath(), $"bench-sla-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(policyPath, policy.ToJsonString());

        await using var app = new BenchApp(connectionString, policyPath);
        using var http = await app.StartAsAdminAsync();
        await BenchApp.ExpectAsync(await http.PostAsJsonAsync("/api/admin/accounts", new { id = "bench", name = "Bench Corp", timeZone = "UTC", contractStatus = "active" }));
        await BenchApp.ExpectAsync(await http.PostAsJsonAsync("/api/admin/accounts/bench/contacts", new { id = "bench-admin", name = "Bench Admin", email = "bench@bench.example", roles = new[] { "Administrator" }, designated = true }));
        using var customer = await app.ContactClientAsync(http, "bench", "bench-admin");

        var started = DateTimeOffset.UtcNow;
        var severities = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            using var response = await customer.PostAsJsonAsync("/api/cases", new { subject = $"Bench case {i}", description = "Queues route slowly", category = "technical-problem", severity = i % 3 + 2, fields = new { businessImpact = "Long waits" } }, ct);
            await BenchApp.ExpectAsync(response);
            severities[(await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("number").GetString()!] = i % 3 + 2;
        });
        var opening = DateTimeOffset.UtcNow - started;
        // Every storage request from here on (the app's and the durable provider's: both use our client options) is
        // the cost of firing the thresholds, delivering their notifications, and the bench's few looks.
        using var requests = new StorageRequestCount();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cases opened (each starting its SLA orchestration): {count} in {opening.TotalSeconds:F1} s; first-response targets {Target(2).TotalSeconds:F0}-{Target(4).TotalSeconds:F0} s by severity, so breaches fall due over {(opening + Target(4) - Target(2)).TotalSeconds:F0} s"));

        var cases = app.Services.GetRequiredService<StorageLayout>().Table(StorageLayout.CasesTable);
        var deadline = started + opening + Target(4) + LostAfter;
        // Lateness comes from the recorded events' own times, so looking rarely loses nothing. One query per look over
        // the whole cases table: the emulator scans a table for every query, so a query per case (1,000 scans at once)
        // would stall the very timers being measured for seconds.
        await Task.Delay(started + opening + Target(2) - DateTimeOffset.UtcNow is { Ticks: > 0 } untilFirstDue ? untilFirstDue : TimeSpan.Zero);
        SlaEvents recorded;
        do
        {
            await Task.Delay(TimeSpan.FromSeconds(30));
            recorded = await SlaEvents.ReadAsync(cases);
        }
        while (recorded.Breaches.Count < count && DateTimeOffset.UtcNow <= deadline);

        await Task.Delay(TimeSpan.FromSeconds(5)); // a late duplicate would show up now
        recorded = await SlaEvents.ReadAsync(cases);
        var requestsMade = requests.Total;
        var thresholds = recorded.Breaches.Values.Sum(b => b.Count) + recorded.Warnings;

        Console.WriteLine($"breach lateness (recorded - due): {Lateness.Describe(recorded.Breaches.Select(b => (b.Value[0] - (recorded.Created[b.Key] + Target(severities[b.Key]))).TotalMilliseconds))}");
        Console.WriteLine($"lost: {count - recorded.Breaches.Count}, doubled: {recorded.Breaches.Values.Count(b => b.Count > 1)}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"storage requests after the cases opened: {requestsMade} for {thresholds} thresholds (warnings and breaches) = {(double)requestsMade / Math.Max(1, thresholds):F1} per threshold, notifications included"));
        Console.WriteLine("by service, method and resource:");
        Console.WriteLine(requests.Describe(thresholds, "threshold"));
        File.Delete(policyPath);
    }
}
