using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Notifications;
using SupportFunctions.App.Storage;
using SupportFunctions.App.Tests.Infrastructure;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.Benchmarks;

/// <summary>
/// Notifications delivered per second: N cases with one pending acknowledgement each are written to storage, their
/// messages queued, and the clock runs from the first message to the fake SendGrid (loopback) having accepted all N.
/// Each delivery is the production path: read intent, claim, read case and account, record the Message-ID, POST
/// /v3/mail/send, mark sent. Also checks that every intent was accepted exactly once.
/// </summary>
public static class NotificationBenchmark
{
    public static async Task RunAsync(string connectionString, string policyPath, int count)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SUPPORTFUNCTIONS_APP", AppContext.BaseDirectory);
        await using var sendGrid = await FakeSendGrid.StartAsync();
        var settings = new Dictionary<string, string?>();
        sendGrid.Configure(settings);
        settings["SupportFunctions:Queues:PollIntervalMilliseconds"] = "50";
        settings["SupportFunctions:Queues:BatchSize"] = "32";
        await using var app = new BenchApp(connectionString, policyPath, settings.ToDictionary(s => s.Key, s => s.Value ?? string.Empty));
        await app.Services.GetRequiredService<StorageInitializer>().Ready;
        var cases = app.Services.GetRequiredService<CaseRepository>();
        var dispatcher = app.Services.GetRequiredService<NotificationDispatcher>();

        var seeding = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        var intents = new List<NotificationIntent>();
        await Parallel.ForEachAsync(Enumerable.Range(1, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
        {
            var number = $"EB-{i:D6}";
            var c = new SupportCase { Number = number, Subject = $"Bench case {i}", Description = "d", Category = "technical-support", Status = CaseStatus.New, Severity = 3, Team = "support", Channel = "web", RequesterEmail = $"customer{i}@bench.example", Language = "es", TimeZone = "UTC", CreatedAt = now, UpdatedAt = now };
            var intent = new NotificationIntent { Id = $"{number}-acknowledgement", CaseNumber = number, Kind = NotificationKinds.Acknowledgement, Recipients = [c.RequesterEmail], Language = "es", CreatedAt = now };
            await cases.CreateAsync(new CaseOpening(c, [], [intent], []), token);
            lock (intents)
            {
                intents.Add(intent);
            }
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"notifications: {count:N0} pending intents seeded in {seeding.Elapsed.TotalSeconds:F1} s"));

        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(intents, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (intent, token) => await dispatcher.SendAsync(new NotificationMessage(intent.CaseNumber, intent.Id), TimeSpan.Zero, token));
        var queued = clock.Elapsed;
        while (sendGrid.Accepted.Count < count && clock.Elapsed < TimeSpan.FromMinutes(10))
        {
            await Task.Delay(50);
        }

        var elapsed = clock.Elapsed;
        await Task.Delay(2000);
        var perIntent = sendGrid.Accepted.GroupBy(b => b.GetProperty("custom_args").GetProperty("intent_id").GetString()).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  queued in {queued.TotalSeconds:F1} s; all accepted after {elapsed.TotalSeconds:F1} s: {count / elapsed.TotalSeconds:F0} notifications/s"));
        Console.WriteLine($"  accepted {sendGrid.Accepted.Count}, distinct intents {perIntent.Count}, doubled {perIntent.Count(g => g.Count() > 1)}, shape violations {sendGrid.Violations.Count}");
    }
}
