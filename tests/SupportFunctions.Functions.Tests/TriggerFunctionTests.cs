using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using SupportFunctions.App.Durable;
using SupportFunctions.App.Retention;
using SupportFunctions.App.Tests.Cases;
using SupportFunctions.App.Tests.Infrastructure;
using SupportFunctions.Functions.Durable;
using SupportFunctions.Functions.Queues;
using SupportFunctions.Functions.Timers;

namespace SupportFunctions.Functions.Tests;

/// <summary>
/// Queue, timer and activity functions called without the host: each passes through to the service the standalone
/// service runs. PureCloud's test variant parks a message at its second delivery.
/// </summary>
public sealed class TriggerFunctionTests() : WorkerBesideStandalone(TestPolicies.PureCloudInSeconds(firstResponseSeconds: 3600))
{
    [Fact]
    public async Task A_queue_message_that_fails_is_thrown_back_to_the_host_then_parked_at_the_policys_last_delivery()
    {
        var queues = Worker.Functions<QueueFunctions>();
        var id = "fn-" + Guid.NewGuid().ToString("N");

        // First delivery: the failure goes back to the host, which delivers the message again later.
        await Assert.ThrowsAnyAsync<Exception>(() => queues.NotificationsQueue("not a notification", id, 1, Worker.Durable, TestTimeout.Token()));
        Assert.DoesNotContain(id, await Standalone.Admin.GetStringAsync(new Uri("/api/admin/poison", UriKind.Relative)), StringComparison.Ordinal);

        // Last delivery: parked in the one poison list, and the call succeeds so the host deletes the message.
        await queues.NotificationsQueue("not a notification", id, 2, Worker.Durable, TestTimeout.Token());
        var poison = await Standalone.Admin.GetStringAsync(new Uri("/api/admin/poison", UriKind.Relative));
        Assert.Contains(id, poison, StringComparison.Ordinal);
        Assert.Contains("notifications", poison, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_queued_submission_opens_its_case_through_the_same_handler_as_theStandalone_poller()
    {
        var customer = await Standalone.CustomerAsync(designated: true);
        var message = JsonSerializer.Serialize(new { idempotencyKey = "crm-1", requester = new { contactId = customer.ContactId, accountId = customer.AccountId }, subject = "Queued outage", description = "Nothing routes", category = "technical-problem", severity = 2, fields = new { businessImpact = "Down" } });

        var before = (await customer.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/cases?view=mine", UriKind.Relative))).GetProperty("items").GetArrayLength();
        await Worker.Functions<QueueFunctions>().CasesInboundQueue(message, "m-" + Guid.NewGuid().ToString("N"), 1, Worker.Durable, TestTimeout.Token());

        var items = (await customer.Client.GetFromJsonAsync<JsonElement>(new Uri("/api/cases?view=mine", UriKind.Relative))).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(before + 1, items.Count);
        var number = items.Single(i => i.GetProperty("subject").GetString() == "Queued outage").GetProperty("number").GetString()!;
        Assert.NotNull(await Worker.Durable.GetInstanceAsync(CaseOrchestrations.SlaInstanceId(number)));
    }

    [Fact]
    public async Task The_purge_timer_starts_a_run_whose_orchestration_goes_to_the_client_the_binding_gave()
    {
        await Worker.Functions<TimerFunctions>().PurgeRetention(new TimerInfo(), Worker.Durable, TestTimeout.Token());

        var runs = await Standalone.Admin.GetFromJsonAsync<JsonElement>(new Uri("/api/admin/purges", UriKind.Relative));
        var run = Assert.Single(runs.EnumerateArray(), r => r.GetProperty("trigger").GetString() == "schedule");
        var instance = await Worker.Durable.GetInstanceAsync(PurgeRuns.InstanceId(run.GetProperty("id").GetString()!), getInputsAndOutputs: true);
        Assert.NotNull(instance);
        Assert.False(instance.ReadInputAs<PurgeProgress>()!.DryRun);
    }

    [Fact]
    public async Task An_activity_function_runs_the_apps_activity_class_on_the_stored_case()
    {
        var customer = await Standalone.CustomerAsync(designated: true);
        var opened = await customer.Client.PostCaseAsync(new { subject = "Slow", description = "Queues slow", category = "technical-problem", severity = 2, fields = new { businessImpact = "Waits" } });
        var number = (await opened.JsonAsync()).GetProperty("number").GetString()!;
        var context = new FakeFunctionContext(Worker.Services, new Dictionary<string, object?> { ["instanceId"] = CaseOrchestrations.SlaInstanceId(number) });

        var plan = await DurableFunctions.PlanSlaCheck(new SlaCheck(number, DateTimeOffset.UtcNow), Worker.Durable, context);
        var none = await DurableFunctions.PlanSlaCheck(new SlaCheck("CS-404404", DateTimeOffset.UtcNow), Worker.Durable, context);

        Assert.NotNull(plan.NextCheckAt);
        Assert.InRange(plan.NextCheckAt!.Value, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(1));
        Assert.Null(none.NextCheckAt);
    }
}
