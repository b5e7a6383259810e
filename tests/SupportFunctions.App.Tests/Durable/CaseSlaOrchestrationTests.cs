using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using SupportFunctions.App.Durable;
using SupportFunctions.App.Tests.Infrastructure;

namespace SupportFunctions.App.Tests.Durable;

/// <summary>The SLA orchestration's decisions, with scripted activities on the in-memory backend.</summary>
public sealed class CaseSlaOrchestrationTests
{
    private readonly ConcurrentQueue<SlaCheck> _planned = new();
    private readonly ConcurrentQueue<SlaCheck> _applied = new();

    private Task<DurableTaskTestHost> StartAsync(SlaPlan afterApply, SlaPlan whenPlanned, CancellationToken cancellationToken) =>
        InMemoryDurable.StartAsync(tasks =>
        {
            tasks.AddOrchestrator<CaseSlaOrchestration>();
            tasks.AddActivityFunc<SlaCheck, SlaPlan>(nameof(ApplySlaThresholdsActivity), (_, check) =>
            {
                _applied.Enqueue(check);
                return afterApply;
            });
            tasks.AddActivityFunc<SlaCheck, SlaPlan>(nameof(PlanSlaCheckActivity), (_, check) =>
            {
                _planned.Enqueue(check);
                return whenPlanned;
            });
        }, cancellationToken);

    private static async Task<SlaPlan> StatusAsync(DurableTaskClient client, string instanceId, Func<SlaPlan, bool> done, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
            if (instance?.ReadCustomStatusAs<SlaPlan>() is { } plan && done(plan))
            {
                return plan;
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    [Fact]
    public async Task A_known_next_check_fires_at_its_time_applies_once_and_the_answered_plan_becomes_the_next_round()
    {
        var cancel = TestTimeout.Token();
        await using var host = await StartAsync(afterApply: new SlaPlan(null, Applied: 1), whenPlanned: new SlaPlan(null), cancel);
        var due = DateTimeOffset.UtcNow.AddSeconds(2);

        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(CaseSlaOrchestration), new SlaRound("SUP-1", new SlaPlan(due)), new StartOrchestrationOptions("sla-SUP-1"), cancel);
        var next = await StatusAsync(host.Client, "sla-SUP-1", plan => plan.Applied == 1, cancel);

        Assert.Null(next.NextCheckAt);
        var check = Assert.Single(_applied);
        Assert.Equal("SUP-1", check.Number);
        Assert.Equal(due, check.At);
        Assert.Empty(_planned);
        Assert.True(DateTimeOffset.UtcNow >= due.AddSeconds(-1), "the timer fired long before its due time");
    }

    [Fact]
    public async Task A_change_before_the_due_time_plans_again_and_never_applies_the_old_threshold()
    {
        var cancel = TestTimeout.Token();
        var replanned = DateTimeOffset.UtcNow.AddHours(3);
        await using var host = await StartAsync(afterApply: new SlaPlan(null), whenPlanned: new SlaPlan(replanned), cancel);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(CaseSlaOrchestration), new SlaRound("SUP-2", new SlaPlan(DateTimeOffset.UtcNow.AddSeconds(3))), new StartOrchestrationOptions("sla-SUP-2"), cancel);
        await StatusAsync(host.Client, "sla-SUP-2", _ => true, cancel);

        await host.Client.RaiseEventAsync("sla-SUP-2", CaseSlaOrchestration.ChangedEvent, "Open", cancel);
        var plan = await StatusAsync(host.Client, "sla-SUP-2", p => p.NextCheckAt == replanned, cancel);
        await Task.Delay(TimeSpan.FromSeconds(4), cancel);

        Assert.Equal(replanned, plan.NextCheckAt);
        Assert.Equal("SUP-2", Assert.Single(_planned).Number);
        Assert.Empty(_applied);
    }

    [Fact]
    public async Task With_no_running_clock_it_waits_for_a_change_then_plans_from_the_stored_case()
    {
        var cancel = TestTimeout.Token();
        await using var host = await StartAsync(afterApply: new SlaPlan(null), whenPlanned: new SlaPlan(null), cancel);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(CaseSlaOrchestration), new SlaRound("SUP-3", new SlaPlan(null)), new StartOrchestrationOptions("sla-SUP-3"), cancel);
        await StatusAsync(host.Client, "sla-SUP-3", _ => true, cancel);
        Assert.Empty(_planned);

        await host.Client.RaiseEventAsync("sla-SUP-3", CaseSlaOrchestration.ChangedEvent, "Open", cancel);
        while (_planned.IsEmpty)
        {
            await Task.Delay(100, cancel);
        }

        var instance = await host.Client.GetInstanceAsync("sla-SUP-3", cancel);
        Assert.Equal(OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
        Assert.Equal("SUP-3", Assert.Single(_planned).Number);
        Assert.Empty(_applied);
    }
}
