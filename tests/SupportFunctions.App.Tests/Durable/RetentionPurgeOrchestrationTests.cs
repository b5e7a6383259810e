using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using SupportFunctions.App.Durable;
using SupportFunctions.App.Retention;
using SupportFunctions.App.Tests.Infrastructure;

namespace SupportFunctions.App.Tests.Durable;

/// <summary>The purge run's decisions, with scripted sources on the in-memory backend.</summary>
public sealed class RetentionPurgeOrchestrationTests
{
    private readonly ConcurrentQueue<PurgePageRequest> _planned = new();
    private readonly ConcurrentQueue<PurgePageRequest> _executed = new();
    private readonly ConcurrentQueue<PurgeFinish> _finished = new();

    /// <summary><paramref name="pages"/>: per phase, the pages in order, each its number of targets (all of class "x"); <paramref name="failFirstPlans"/> plans fail before any succeeds.</summary>
    private async Task<PurgeProgress> RunAsync(int[][] pages, bool dryRun = false, int failFirstPlans = 0)
    {
        var cancel = TestTimeout.Token(90);
        var failures = failFirstPlans;
        await using var host = await InMemoryDurable.StartAsync(tasks =>
        {
            tasks.AddOrchestrator<RetentionPurgeOrchestration>();
            tasks.AddActivityFunc<PurgePageRequest, PurgePageResult>(nameof(PlanPurgePageActivity), (_, request) =>
            {
                if (Interlocked.Decrement(ref failures) >= 0)
                {
                    throw new InvalidOperationException("storage hiccup");
                }

                _planned.Enqueue(request);
                var index = request.Continuation is null ? 0 : int.Parse(request.Continuation, System.Globalization.CultureInfo.InvariantCulture);
                var targets = pages[request.Phase][index];
                var next = index + 1 < pages[request.Phase].Length ? (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
                return new PurgePageResult(targets, targets == 0 ? new Dictionary<string, long>() : new Dictionary<string, long> { ["x"] = targets }, new Dictionary<string, long> { ["held"] = 1 }, next);
            });
            tasks.AddActivityFunc<PurgePageRequest, bool>(nameof(ExecutePurgePageActivity), (_, request) =>
            {
                _executed.Enqueue(request);
                return true;
            });
            tasks.AddActivityFunc<PurgeFinish, bool>(nameof(FinishPurgeRunActivity), (_, finish) =>
            {
                _finished.Enqueue(finish);
                return true;
            });
        }, cancel);

        var id = PurgeRuns.InstanceId("run-1");
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(RetentionPurgeOrchestration), PurgeProgress.Start("run-1", dryRun, DateTimeOffset.UtcNow, pages.Length), new StartOrchestrationOptions(id), cancel);
        var done = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cancel);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        return done.ReadOutputAs<PurgeProgress>()!;
    }

    [Fact]
    public async Task Every_source_is_swept_page_by_page_empty_pages_execute_nothing_and_the_report_is_written_once()
    {
        var result = await RunAsync([[2, 0], [0], [3]]);

        Assert.Equal(4, _planned.Count);
        Assert.Equal([(0, 1), (2, 2)], _executed.Select(p => (p.Phase, p.Page)));
        Assert.Equal(2, result.Pages);
        Assert.Equal(5, result.Purged["x"]);
        Assert.Equal(4, result.Held["held"]);
        Assert.Equal(3, result.Phase);
        var finish = Assert.Single(_finished);
        Assert.Equal(result, finish.Progress with { Purged = result.Purged, Held = result.Held });
        Assert.Equal(5, finish.Progress.Purged["x"]);
    }

    [Fact]
    public async Task A_long_run_restarts_its_history_and_still_counts_each_page_once()
    {
        var pages = Enumerable.Repeat(1, RetentionPurgeOrchestration.PagesPerGeneration * 2 + 5).ToArray();

        var result = await RunAsync([pages]);

        Assert.Equal(pages.Length, result.Pages);
        Assert.Equal(pages.Length, result.Purged["x"]);
        Assert.Equal(Enumerable.Range(1, pages.Length), _executed.Select(p => p.Page));
        Assert.Single(_finished);
    }

    [Fact]
    public async Task A_failing_activity_is_retried_and_the_run_completes()
    {
        var result = await RunAsync([[1]], failFirstPlans: 2);

        Assert.Equal(1, result.Pages);
        Assert.Single(_executed);
        Assert.Single(_finished);
    }
}
