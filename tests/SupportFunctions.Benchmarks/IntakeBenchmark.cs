using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace SupportFunctions.Benchmarks;

/// <summary>Case creations per second through POST /api/cases on Kestrel at concurrency 1, 8 and 32, and storage requests per creation.</summary>
public static class IntakeBenchmark
{
    public static async Task RunAsync(string connectionString, string policyPath, TimeSpan duration)
    {
        // Outside a test project the factory cannot find the app's project folder; its output folder is content root enough.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SUPPORTFUNCTIONS_APP", AppContext.BaseDirectory);
        using var counter = new StorageRequestCount();
        await using var app = new BenchApp(connectionString, policyPath);
        using var http = await app.StartAsAdminAsync();

        await BenchApp.ExpectAsync(await http.PostAsJsonAsync("/api/admin/accounts", new { id = "bench", name = "Bench Corp", timeZone = "America/New_York" }));
        await BenchApp.ExpectAsync(await http.PostAsJsonAsync("/api/admin/accounts/bench/contacts", new { id = "bench-admin", name = "Bench Admin", email = "bench@bench.example", roles = new[] { "Administrator" } }));
        using var customer = await app.ContactClientAsync(http, "bench", "bench-admin");

        var body = new
        {
            subject = "SMS not received by the East group",
            description = "During the 09:00 drill, 14 of 40 recipients did not receive the SMS. Carrier: Verizon.",
            category = "sms-delivery",
            occurredAt = DateTimeOffset.UtcNow.AddHours(-2),
            cc = new[] { "ops@bench.example" },
            fields = new { recipientPhone = "+14155550123" },
        };

        var breakdown8 = string.Empty;
        var rate8 = 0.0;
        Console.WriteLine();
        Console.WriteLine($"{"concurrency",11} {"cases/s",9} {"p50 ms",8} {"p99 ms",8} {"storage req/case",17}");
        foreach (var concurrency in new[] { 1, 8, 32 })
        {
            var requestsBefore = counter.Total;
            using var breakdown = new StorageRequestCount();
            long created = 0;
            var result = await Throughput.MeasureAsync(concurrency, duration, async _ =>
            {
                using var response = await customer.PostAsJsonAsync("/api/cases", body);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"Create answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                Interlocked.Increment(ref created);
            });
            var perCase = (counter.Total - requestsBefore) / (double)Math.Max(1, Interlocked.Read(ref created));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{concurrency,11} {result.OperationsPerSecond,9:F0} {result.P50Milliseconds,8:F2} {result.P99Milliseconds,8:F2} {perCase,17:F2}"));
            if (concurrency == 8)
            {
                breakdown8 = breakdown.Describe(Interlocked.Read(ref created), "case");
                rate8 = result.OperationsPerSecond;
            }
        }

        // The floor the goal is set against: bare table inserts (no app, no index, no orchestration) at concurrency 8.
        var table = new Azure.Data.Tables.TableClient(connectionString, "benchbareinsert" + Guid.NewGuid().ToString("N")[..8], SupportFunctions.Storage.StorageClientSettings.Tables());
        await table.CreateIfNotExistsAsync();
        var bare = await Throughput.MeasureAsync(8, duration, async _ =>
            await table.AddEntityAsync(new Azure.Data.Tables.TableEntity("p", Guid.NewGuid().ToString("N")) { ["Text"] = body.description }));
        await table.DeleteAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bare table insert at concurrency 8: {bare.OperationsPerSecond:F0}/s; cases/s at concurrency 8 is {rate8 / Math.Max(1, bare.OperationsPerSecond) * 15:F2} x the goal (1/15 of it, {bare.OperationsPerSecond / 15:F0}/s)"));
        Console.WriteLine("storage requests per case at concurrency 8, by service, method and resource:");
        Console.WriteLine(breakdown8);
    }
}
