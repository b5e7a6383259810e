using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SupportFunctions.App.Tests.Cases;
using SupportFunctions.App.Tests.Infrastructure;

namespace SupportFunctions.App.Tests.Durable;

/// <summary>
/// The durable engine as an operator runs it: service processes on one task hub, killed with SIGKILL (no shutdown, no
/// lease release, messages left hidden). Every case still gets each SLA threshold exactly once and never early.
/// </summary>
public sealed class SharedHubFailoverTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int FirstResponseSeconds = 24;
    private const double WarningFraction = 0.75; // purecloud's warningPercent

    [Fact]
    public async Task Two_instances_on_one_hub_with_one_killed_give_every_case_each_threshold_once_and_never_early()
    {
        var cancel = TestTimeout.Token(240);
        var (customer, settings) = await SeedAsync(FirstResponseSeconds, partitions: 2);

        using var survivor = await ChildService.StartAsync(settings, cancel);
        var numbers = new List<string>();
        using (var killed = await ChildService.StartAsync(settings, cancel))
        {
            using var toKilled = killed.Client(customer.Key);
            using var toSurvivor = survivor.Client(customer.Key);
            // Under load: 40 cases opened at once, half through each instance, so both own orchestrations and timers.
            var opened = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => OpenAsync(i % 2 == 0 ? toKilled : toSurvivor, cancel)));
            numbers.AddRange(opened);
            await Task.Delay(TimeSpan.FromSeconds(3), cancel); // both have taken timers and messages
            killed.Kill();
            output.WriteLine($"killed one of two instances at {DateTimeOffset.UtcNow:O}");
        }

        using var admin = survivor.Client(SupportAppFactory.BootstrapKey);
        var lateness = new List<double>();
        foreach (var number in numbers)
        {
            var events = await Eventually.WaitAsync(() => EventsAsync(admin, number, cancel), e => Count(e, "sla-breached") > 0, TimeSpan.FromSeconds(150), $"the breach of {number}");
            lateness.Add(AssertThresholdsOnceAndNeverEarly(events, number));
        }

        // Late duplicates would come from a redelivered message: look once more after every case has its breach.
        await Task.Delay(TimeSpan.FromSeconds(3), cancel);
        foreach (var number in numbers)
        {
            AssertThresholdsOnceAndNeverEarly(await EventsAsync(admin, number, cancel), number);
        }

        output.WriteLine($"{numbers.Count} cases; breach lateness max {lateness.Max():F1} s, median {lateness.Order().ElementAt(lateness.Count / 2):F1} s");
    }

    [Fact]
    public async Task A_kill_during_orchestration_starts_loses_no_start_and_every_due_threshold_follows_within_a_minute_of_the_restart()
    {
        var cancel = TestTimeout.Token(240);
        const int firstResponse = 10;
        var (customer, settings) = await SeedAsync(firstResponse, partitions: 1);

        var acknowledged = new List<string>();
        using (var killed = await ChildService.StartAsync(settings, cancel))
        {
            using var client = killed.Client(customer.Key);
            using var stop = new CancellationTokenSource();
            // Eight callers open cases back to back; the process is killed while their starts are in flight.
            var callers = Enumerable.Range(0, 8).Select(async _ =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        var number = await OpenAsync(client, stop.Token);
                        lock (acknowledged)
                        {
                            acknowledged.Add(number);
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
                    {
                        return;
                    }
                }
            }).ToList();
            await Eventually.WaitAsync(() => Task.FromResult(acknowledged.Count), n => n >= 30, TimeSpan.FromSeconds(60), "30 cases opened");
            killed.Kill();
            await stop.CancelAsync();
            await Task.WhenAll(callers);
        }

        using var restarted = await ChildService.StartAsync(settings, cancel);
        var restartedAt = DateTimeOffset.UtcNow;
        output.WriteLine($"{acknowledged.Count} cases acknowledged before the kill; restarted at {restartedAt:O}");
        using var admin = restarted.Client(SupportAppFactory.BootstrapKey);
        // Every committed case, acknowledged or not (a request can be committed and its answer lost with the process).
        var committed = await AccountCasesAsync(admin, customer.AccountId, cancel);
        Assert.Superset(acknowledged.ToHashSet(), committed.ToHashSet());

        var latest = restartedAt;
        foreach (var number in committed)
        {
            var events = await Eventually.WaitAsync(() => EventsAsync(admin, number, cancel), e => Count(e, "sla-breached") > 0, restartedAt.AddSeconds(60) - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(5), $"the breach of {number}");
            AssertThresholdsOnceAndNeverEarly(events, number, firstResponse);
            var breached = At(events, "sla-breached");
            latest = breached > latest ? breached : latest;
            Assert.True(breached <= restartedAt.AddSeconds(60), $"{number}: breach recorded {(breached - restartedAt).TotalSeconds:F1} s after the restart");
        }

        output.WriteLine($"{committed.Count} committed cases; last breach recorded {(latest - restartedAt).TotalSeconds:F1} s after the restart");
    }

    /// <summary>A customer on a fresh prefix, and the settings child processes share its storage and task hub with.</summary>
    private static Task<(Customer Customer, Dictionary<string, string?> Settings)> SeedAsync(int firstResponseSeconds, int partitions) =>
        ChildService.SeedAsync(TestPolicies.PureCloudInSeconds(firstResponseSeconds: firstResponseSeconds), s => s["SupportFunctions:Durable:PartitionCount"] = partitions.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static async Task<string> OpenAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var response = await client.PostAsJsonAsync(new Uri("/api/cases", UriKind.Relative), new { subject = "Degraded routing", description = "Queues route slowly", category = "technical-problem", severity = 2, fields = new { businessImpact = "Long waits" } }, cancellationToken);
        await SupportApp.Expect(response, HttpStatusCode.Created);
        return (await response.JsonAsync()).GetProperty("number").GetString()!;
    }

    private static async Task<List<JsonElement>> EventsAsync(HttpClient admin, string number, CancellationToken cancellationToken) =>
        (await (await admin.GetAsync(new Uri($"/api/cases/{number}/events", UriKind.Relative), cancellationToken)).JsonAsync()).EnumerateArray().ToList();

    private static async Task<List<string>> AccountCasesAsync(HttpClient admin, string accountId, CancellationToken cancellationToken)
    {
        var numbers = new List<string>();
        string? token = null;
        do
        {
            var page = await (await admin.GetAsync(new Uri($"/api/cases?view=organization&accountId={accountId}&pageSize=100" + (token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token)), UriKind.Relative), cancellationToken)).JsonAsync();
            numbers.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("number").GetString()!));
            token = page.TryGetProperty("continuationToken", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (token is not null);
        return numbers;
    }

    private static int Count(List<JsonElement> events, string type) => events.Count(e => e.GetProperty("type").GetString() == type);

    private static DateTimeOffset At(List<JsonElement> events, string type) => events.First(e => e.GetProperty("type").GetString() == type).GetProperty("at").GetDateTimeOffset();

    /// <summary>One warning and one breach, each at or after its due instant; answers the breach's lateness in seconds.</summary>
    private static double AssertThresholdsOnceAndNeverEarly(List<JsonElement> events, string number, int firstResponseSeconds = FirstResponseSeconds)
    {
        Assert.True(Count(events, "sla-warning") == 1, $"{number}: {Count(events, "sla-warning")} warnings");
        Assert.True(Count(events, "sla-breached") == 1, $"{number}: {Count(events, "sla-breached")} breaches");
        var created = At(events, "created");
        var warningDue = created.AddSeconds(firstResponseSeconds * WarningFraction);
        var breachDue = created.AddSeconds(firstResponseSeconds);
        Assert.True(At(events, "sla-warning") >= warningDue, $"{number}: warning at {At(events, "sla-warning"):O}, due {warningDue:O}");
        Assert.True(At(events, "sla-breached") >= breachDue, $"{number}: breach at {At(events, "sla-breached"):O}, due {breachDue:O}");
        return (At(events, "sla-breached") - breachDue).TotalSeconds;
    }
}
