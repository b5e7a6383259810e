using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Tests.Cases;
using SupportFunctions.App.Tests.Infrastructure;
using SupportFunctions.App.Timers;
using SupportFunctions.Storage.Queues;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Tests.Sla;

public sealed class SlaApiTests
{
    private static readonly object Sev2 = new { subject = "Degraded routing", description = "Queues route slowly", category = "technical-problem", severity = 2, fields = new { businessImpact = "Long waits" } };

    private static async Task<string> OpenAsync(Customer customer)
    {
        var response = await customer.Client.PostCaseAsync(Sev2);
        await SupportApp.Expect(response, HttpStatusCode.Created);
        return (await response.JsonAsync()).GetProperty("number").GetString()!;
    }

    private static async Task<List<string>> StaffEventTypesAsync(SupportApp app, string number) =>
        (await (await app.Admin.GetAsync($"/api/cases/{number}/events")).JsonAsync()).EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToList();

    [Fact]
    public async Task The_sla_shows_each_clock_with_target_due_time_in_customer_local_time_and_remaining_business_time()
    {
        await using var app = await SupportApp.StartAsync("purecloud");
        var customer = await app.CustomerAsync(designated: true, timeZone: "America/New_York");
        var number = await OpenAsync(customer);

        var sla = await (await customer.Client.GetAsync($"/api/cases/{number}/sla")).JsonAsync();

        Assert.Equal("America/New_York", sla.GetProperty("timeZone").GetString());
        Assert.False(sla.GetProperty("paused").GetBoolean());
        var clocks = sla.GetProperty("clocks").EnumerateArray().ToDictionary(c => c.GetProperty("kind").GetString()!);
        var first = clocks["firstResponse"];
        Assert.Equal("PT1H", first.GetProperty("target").GetString());
        Assert.Equal("business", first.GetProperty("calendar").GetString());
        Assert.Equal("running", first.GetProperty("state").GetString());
        var due = first.GetProperty("dueAt").GetDateTimeOffset();
        var dueLocal = first.GetProperty("dueAtLocal").GetDateTimeOffset();
        Assert.Equal(due, dueLocal);
        Assert.Equal(TimeZoneInfo.FindSystemTimeZoneById("America/New_York").GetUtcOffset(due), dueLocal.Offset);
        Assert.True(due > DateTimeOffset.UtcNow);
        Assert.InRange(first.GetProperty("remainingSeconds").GetInt64(), 3000, 3600);
        Assert.Equal("P3D", clocks["restoration"].GetProperty("target").GetString()); // 72 h, written as ISO 8601 days
        Assert.Equal("always", clocks["restoration"].GetProperty("calendar").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.CustomerAsync(designated: true)).Client.GetAsync($"/api/cases/{number}/sla")).StatusCode);
    }

    [Fact]
    public async Task A_warning_then_a_breach_are_audited_notified_to_team_and_lead_and_the_breach_escalates()
    {
        await using var app = await SupportApp.StartAsync(TestPolicies.PureCloudInSeconds(firstResponseSeconds: 4));
        var customer = await app.CustomerAsync(designated: true);
        var number = await OpenAsync(customer);

        var types = await Eventually.WaitAsync(() => StaffEventTypesAsync(app, number), t => t.Contains("escalated"), TimeSpan.FromSeconds(30), "the breach");

        Assert.Equal(["created", "sla-warning", "sla-breached", "escalated"], types);
        var intents = (await app.Services.GetRequiredService<CaseRepository>().GetIntentsAsync(number, default)).ToDictionary(i => i.Kind);
        Assert.Equal(["team:technical-support"], intents["sla-warning"].Recipients);
        Assert.Equal(["team:technical-support", "team:support-escalations"], intents["sla-breach"].Recipients);
        Assert.Equal(["team:support-escalations"], intents["escalation"].Recipients);

        var customerEvents = (await (await customer.Client.GetAsync($"/api/cases/{number}/events")).JsonAsync()).EnumerateArray().Select(e => e.GetProperty("type").GetString());
        Assert.Equal(["created"], customerEvents);
        var first = (await (await customer.Client.GetAsync($"/api/cases/{number}/sla")).JsonAsync()).GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "firstResponse");
        Assert.Equal("breached", first.GetProperty("state").GetString());
        Assert.True(first.GetProperty("remainingSeconds").GetInt64() <= 0);
    }

    [Fact]
    public async Task Duplicate_deliveries_of_the_sla_timer_apply_once()
    {
        await using var app = await SupportApp.StartAsync(TestPolicies.PureCloudInSeconds(firstResponseSeconds: 4));
        var number = await OpenAsync(await app.CustomerAsync(designated: true));
        var timer = (await app.Services.GetRequiredService<CaseRepository>().GetTimerAsync(number, "sla", default))!;
        var scheduler = app.Services.GetRequiredService<TimerScheduler>();
        for (var i = 0; i < 3; i++)
        {
            await scheduler.SendAsync(new TimerMessage(number, timer.Kind, timer.Token, timer.DueAt), default);
        }

        await Eventually.WaitAsync(() => StaffEventTypesAsync(app, number), t => t.Contains("escalated"), TimeSpan.FromSeconds(30), "the breach");
        await Task.Delay(1500);

        var types = await StaffEventTypesAsync(app, number);
        Assert.Equal(1, types.Count(t => t == "sla-warning"));
        Assert.Equal(1, types.Count(t => t == "sla-breached"));
    }

    [Fact]
    public async Task A_worker_restarted_mid_wait_loses_nothing()
    {
        var policy = TestPolicies.PureCloudInSeconds(firstResponseSeconds: 4);
        var first = await SupportApp.StartAsync(policy);
        var number = await OpenAsync(await first.CustomerAsync(designated: true));
        await first.StopAsync();

        await using var second = await SupportApp.StartAsync(policy, settings => settings["SupportFunctions:Storage:Prefix"] = first.Prefix);
        var types = await Eventually.WaitAsync(() => StaffEventTypesAsync(second, number), t => t.Contains("sla-breached"), TimeSpan.FromSeconds(30), "the breach after the restart");
        Assert.Contains("sla-warning", types);
    }

    [Fact]
    public async Task The_reconciler_rearms_a_case_whose_timer_message_was_deleted()
    {
        // Long enough that the warning (75 %, 4.5 s) cannot be delivered before the message is deleted on a loaded machine.
        await using var app = await SupportApp.StartAsync(TestPolicies.PureCloudInSeconds(firstResponseSeconds: 6));
        var number = await OpenAsync(await app.CustomerAsync(designated: true));
        await app.Services.GetRequiredService<StorageLayout>().Queue(StorageLayout.TimersQueue).ClearMessagesAsync();

        await Task.Delay(7000);
        Assert.Equal(["created"], await StaffEventTypesAsync(app, number));

        Assert.Equal(1, await app.Services.GetRequiredService<TimerReconciler>().ReconcileAsync(default));
        await Eventually.WaitAsync(() => StaffEventTypesAsync(app, number), t => t.Contains("sla-breached"), TimeSpan.FromSeconds(30), "the re-armed breach");
    }
}
