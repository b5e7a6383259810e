using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Tests.Cases;
using SupportFunctions.App.Tests.Infrastructure;
using Microsoft.DurableTask.Client;
using SupportFunctions.App.Durable;
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
    public async Task Duplicate_events_and_a_repeated_threshold_activity_apply_once()
    {
        await using var app = await SupportApp.StartAsync(TestPolicies.PureCloudInSeconds(firstResponseSeconds: 4));
        var number = await OpenAsync(await app.CustomerAsync(designated: true));
        var client = app.Services.GetRequiredService<DurableTaskClient>();
        for (var i = 0; i < 3; i++)
        {
            await client.RaiseEventAsync(CaseOrchestrations.SlaInstanceId(number), CaseSlaOrchestration.ChangedEvent, "duplicate");
        }

        await Eventually.WaitAsync(() => StaffEventTypesAsync(app, number), t => t.Contains("escalated"), TimeSpan.FromSeconds(30), "the breach");
        // The timer's activity delivered again (a crash after it ran, before the orchestration recorded it) finds the thresholds recorded.
        var activity = ActivatorUtilities.CreateInstance<ApplySlaThresholdsActivity>(app.Services);
        Assert.Equal(0, (await activity.RunAsync(null!, new SlaCheck(number, DateTimeOffset.UtcNow))).Applied);
        await Task.Delay(1500);

        var types = await StaffEventTypesAsync(app, number);
        Assert.Equal(1, types.Count(t => t == "sla-warning"));
        Assert.Equal(1, types.Count(t => t == "sla-breached"));
    }

    [Fact]
    public async Task A_severity_change_mid_wait_moves_the_breach_to_the_new_target()
    {
        var policy = TestPolicies.Write("purecloud", p =>
        {
            p["sla"]!["targets"] = new System.Text.Json.Nodes.JsonArray(
                new System.Text.Json.Nodes.JsonObject { ["severity"] = 1, ["calendar"] = "always", ["firstResponse"] = "PT6S", ["restoration"] = "PT600S" },
                new System.Text.Json.Nodes.JsonObject { ["severity"] = 2, ["calendar"] = "always", ["firstResponse"] = "PT600S", ["restoration"] = "PT600S" },
                new System.Text.Json.Nodes.JsonObject { ["severity"] = 3, ["calendar"] = "always", ["firstResponse"] = "PT600S", ["restoration"] = "PT600S" },
                new System.Text.Json.Nodes.JsonObject { ["severity"] = 4, ["calendar"] = "always", ["firstResponse"] = "PT600S", ["restoration"] = "PT600S" });
        });
        await using var app = await SupportApp.StartAsync(policy);
        var number = await OpenAsync(await app.CustomerAsync(designated: true));

        var raised = await app.Admin.PostAsync($"/api/cases/{number}/severity", System.Net.Http.Json.JsonContent.Create(new { severity = 1, reason = "whole site down" }));
        await SupportApp.Expect(raised, HttpStatusCode.OK);

        // Sev 2's first response was 10 minutes away; at Sev 1 the 6 s target (elapsed time kept) breaches within seconds.
        var types = await Eventually.WaitAsync(() => StaffEventTypesAsync(app, number), t => t.Contains("sla-breached"), TimeSpan.FromSeconds(30), "the moved breach");
        Assert.Contains("severity-changed", types);
        var events = (await (await app.Admin.GetAsync($"/api/cases/{number}/events")).JsonAsync()).EnumerateArray().ToList();
        var created = events.First(e => e.GetProperty("type").GetString() == "created").GetProperty("at").GetDateTimeOffset();
        var breached = events.First(e => e.GetProperty("type").GetString() == "sla-breached").GetProperty("at").GetDateTimeOffset();
        Assert.InRange(breached, created.AddSeconds(6), created.AddSeconds(25)); // never before it is due
    }

    [Fact]
    public async Task A_worker_restarted_mid_wait_loses_nothing()
    {
        var policy = TestPolicies.PureCloudInSeconds(firstResponseSeconds: 4);
        var first = await SupportApp.StartAsync(policy);
        var number = await OpenAsync(await first.CustomerAsync(designated: true));
        // Mid-wait: the orchestration has planned and armed its timer for the warning when the process goes away.
        var client = first.Services.GetRequiredService<DurableTaskClient>();
        await Eventually.WaitAsync(() => client.GetInstanceAsync(CaseOrchestrations.SlaInstanceId(number), getInputsAndOutputs: true), i => i?.SerializedCustomStatus is { } status && status.Contains("nextCheckAt", StringComparison.OrdinalIgnoreCase), TimeSpan.FromSeconds(20), "the armed timer");
        await first.StopAsync();

        await using var second = await SupportApp.StartAsync(policy, settings => settings["SupportFunctions:Storage:Prefix"] = first.Prefix);
        var types = await Eventually.WaitAsync(() => StaffEventTypesAsync(second, number), t => t.Contains("sla-breached"), TimeSpan.FromSeconds(30), "the breach after the restart");
        Assert.Contains("sla-warning", types);
    }

    [Fact]
    public async Task A_case_whose_orchestration_is_gone_gets_one_at_its_next_change()
    {
        await using var app = await SupportApp.StartAsync(TestPolicies.PureCloudInSeconds(firstResponseSeconds: 8));
        var customer = await app.CustomerAsync(designated: true);
        var number = await OpenAsync(customer);
        var client = app.Services.GetRequiredService<DurableTaskClient>();
        var id = CaseOrchestrations.SlaInstanceId(number);
        await client.TerminateInstanceAsync(id, "test: lost");
        await client.WaitForInstanceCompletionAsync(id, TestTimeout.Token());
        await client.PurgeInstanceAsync(id);
        Assert.Null(await client.GetInstanceAsync(id));

        var reply = await customer.Client.PostAsync($"/api/cases/{number}/replies", System.Net.Http.Json.JsonContent.Create(new { body = "More detail" }));
        Assert.True(reply.IsSuccessStatusCode, $"the reply was refused: {(int)reply.StatusCode}");

        Assert.NotNull(await client.GetInstanceAsync(id));
        await Eventually.WaitAsync(() => StaffEventTypesAsync(app, number), t => t.Contains("sla-breached"), TimeSpan.FromSeconds(30), "the breach planned by the new orchestration");
    }
}
