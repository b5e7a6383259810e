using System.Net;
using Azure.Data.Tables;
using SupportFunctions.App.Durable;
using SupportFunctions.App.Tests.Cases;
using SupportFunctions.App.Tests.Infrastructure;
using SupportFunctions.Standalone.Durable;

namespace SupportFunctions.App.Tests.Sla;

/// <summary>
/// The service killed outright (SIGKILL, no shutdown, its partition lease left to expire) while a case's SLA timer is
/// armed: a new process takes the task hub over and records the warning and the breach once each, never early.
/// </summary>
public sealed class SlaKillRestartTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int FirstResponseSeconds = 20;

    [Fact]
    public async Task A_service_killed_mid_wait_is_followed_by_one_that_fires_the_breach_once_and_never_early()
    {
        var cancel = TestTimeout.Token(150);
        var policy = TestPolicies.PureCloudInSeconds(firstResponseSeconds: FirstResponseSeconds);
        var (customer, settings) = await ChildService.SeedAsync(policy);
        var prefix = settings["SupportFunctions:Storage:Prefix"]!;
        string number;
        using (var killed = await ChildService.StartAsync(settings, cancel))
        {
            using var client = new HttpClient { BaseAddress = killed.Address };
            client.DefaultRequestHeaders.Add("X-Api-Key", customer.Key);
            var opened = await client.PostAsync(new Uri("/api/cases", UriKind.Relative), System.Net.Http.Json.JsonContent.Create(new { subject = "Degraded routing", description = "Queues route slowly", category = "technical-problem", severity = 2, fields = new { businessImpact = "Long waits" } }), cancel);
            await SupportApp.Expect(opened, HttpStatusCode.Created);
            number = (await opened.JsonAsync()).GetProperty("number").GetString()!;
            await ArmedAsync(prefix, number, cancel);
            killed.Kill();
            output.WriteLine($"killed at {DateTimeOffset.UtcNow:O}");
        }

        await using var restarted = await SupportApp.StartAsync(policy, s => s["SupportFunctions:Storage:Prefix"] = prefix);
        var events = await Eventually.WaitAsync(
            async () => (await (await restarted.Admin.GetAsync(new Uri($"/api/cases/{number}/events", UriKind.Relative), cancel)).JsonAsync()).EnumerateArray().ToList(),
            e => e.Any(x => x.GetProperty("type").GetString() == "sla-breached"),
            TimeSpan.FromSeconds(120),
            "the breach after the kill");
        await Task.Delay(TimeSpan.FromSeconds(2), cancel);
        events = (await (await restarted.Admin.GetAsync(new Uri($"/api/cases/{number}/events", UriKind.Relative), cancel)).JsonAsync()).EnumerateArray().ToList();

        var types = events.Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal(1, types.Count(t => t == "sla-warning"));
        Assert.Equal(1, types.Count(t => t == "sla-breached"));
        var created = events.First(e => e.GetProperty("type").GetString() == "created").GetProperty("at").GetDateTimeOffset();
        var breached = events.First(e => e.GetProperty("type").GetString() == "sla-breached").GetProperty("at").GetDateTimeOffset();
        output.WriteLine($"created {created:O}, breached {breached:O}: {(breached - created.AddSeconds(FirstResponseSeconds)).TotalSeconds:F1} s after it was due");
        Assert.True(breached >= created.AddSeconds(FirstResponseSeconds), $"breach recorded at {breached:O}, before it was due at {created.AddSeconds(FirstResponseSeconds):O}");
    }

    /// <summary>The orchestration has run and armed its timer (its custom status names the next check), read from the task hub's instances table.</summary>
    private static async Task ArmedAsync(string prefix, string number, CancellationToken cancellationToken)
    {
        var instances = new TableClient(Azurite.ConnectionString, DurableHubName.For(null, prefix) + "Instances");
        await Eventually.WaitAsync(
            async () =>
            {
                try
                {
                    return (await instances.GetEntityIfExistsAsync<TableEntity>(CaseOrchestrations.SlaInstanceId(number), string.Empty, cancellationToken: cancellationToken)).Value?.GetString("CustomStatus");
                }
                catch (Azure.RequestFailedException ex) when (ex.Status == 404)
                {
                    return null;
                }
            },
            status => status?.Contains("nextCheckAt", StringComparison.OrdinalIgnoreCase) == true,
            TimeSpan.FromSeconds(30),
            "the SLA timer to be armed");
    }
}
