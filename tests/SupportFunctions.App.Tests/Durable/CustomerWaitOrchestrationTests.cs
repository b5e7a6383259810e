using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using SupportFunctions.App.Durable;
using SupportFunctions.App.Tests.Infrastructure;

namespace SupportFunctions.App.Tests.Durable;

/// <summary>The customer-change wait's decisions, with scripted activities on the in-memory backend.</summary>
public sealed class CustomerWaitOrchestrationTests
{
    private readonly ConcurrentQueue<string> _effects = new();

    private Task<DurableTaskTestHost> StartAsync(bool stillWaiting, CancellationToken cancellationToken) =>
        InMemoryDurable.StartAsync(tasks =>
        {
            tasks.AddOrchestrator<CustomerWaitOrchestration>();
            tasks.AddActivityFunc<CustomerWait, bool>(nameof(RemindCustomerActivity), (_, wait) =>
            {
                _effects.Enqueue("remind " + wait.Number);
                return true;
            });
            tasks.AddActivityFunc<CustomerWait, bool>(nameof(AutoCloseCaseActivity), (_, wait) =>
            {
                _effects.Enqueue("close " + wait.Number);
                return stillWaiting;
            });
        }, cancellationToken);

    private static async Task<string?> RunAsync(DurableTaskTestHost host, CustomerWait wait, Func<Task>? meanwhile, CancellationToken cancellationToken)
    {
        var id = CaseOrchestrations.WaitInstanceId(wait.Number, wait.Since);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(CustomerWaitOrchestration), wait, new StartOrchestrationOptions(id), cancellationToken);
        await host.Client.WaitForInstanceStartAsync(id, cancellationToken);
        if (meanwhile is not null)
        {
            await meanwhile();
        }

        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cancellationToken);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        return done.ReadOutputAs<string>();
    }

    [Fact]
    public async Task Unanswered_it_reminds_then_auto_closes_in_that_order()
    {
        var cancel = TestTimeout.Token();
        await using var host = await StartAsync(stillWaiting: true, cancel);
        var now = DateTimeOffset.UtcNow;

        var outcome = await RunAsync(host, new CustomerWait("SUP-10", now, now.AddSeconds(1), now.AddSeconds(2)), null, cancel);

        Assert.Equal("auto-closed", outcome);
        Assert.Equal(["remind SUP-10", "close SUP-10"], _effects);
    }

    [Fact]
    public async Task A_reply_before_the_reminder_ends_the_wait_with_neither_reminder_nor_close()
    {
        var cancel = TestTimeout.Token();
        await using var host = await StartAsync(stillWaiting: true, cancel);
        var now = DateTimeOffset.UtcNow;
        var wait = new CustomerWait("SUP-11", now, now.AddSeconds(30), now.AddSeconds(60));

        var outcome = await RunAsync(host, wait, () => host.Client.RaiseEventAsync(CaseOrchestrations.WaitInstanceId(wait.Number, wait.Since), CustomerWaitOrchestration.EndedEvent, "Open", cancel), cancel);

        Assert.Equal("ended before the reminder", outcome);
        Assert.Empty(_effects);
    }

    [Fact]
    public async Task A_reply_after_the_reminder_prevents_the_close()
    {
        var cancel = TestTimeout.Token();
        await using var host = await StartAsync(stillWaiting: true, cancel);
        var now = DateTimeOffset.UtcNow;
        var wait = new CustomerWait("SUP-12", now, now.AddSeconds(1), now.AddSeconds(60));

        var outcome = await RunAsync(host, wait, async () =>
        {
            while (_effects.IsEmpty)
            {
                await Task.Delay(100, cancel);
            }

            await host.Client.RaiseEventAsync(CaseOrchestrations.WaitInstanceId(wait.Number, wait.Since), CustomerWaitOrchestration.EndedEvent, "Open", cancel);
        }, cancel);

        Assert.Equal("ended before the auto-close", outcome);
        Assert.Equal(["remind SUP-12"], _effects);
    }

    [Fact]
    public async Task A_case_no_longer_in_that_wait_is_left_as_it_is()
    {
        var cancel = TestTimeout.Token();
        await using var host = await StartAsync(stillWaiting: false, cancel);
        var now = DateTimeOffset.UtcNow;

        var outcome = await RunAsync(host, new CustomerWait("SUP-13", now, null, now.AddSeconds(1)), null, cancel);

        Assert.Equal("no longer waiting", outcome);
        Assert.Equal(["close SUP-13"], _effects);
    }
}
