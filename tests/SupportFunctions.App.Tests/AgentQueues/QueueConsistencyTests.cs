using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.AgentQueues;
using SupportFunctions.Domain.AgentQueues;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Domain.Reports;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Tests.AgentQueues;

/// <summary>The queue and the report equal the cases, field by field, whatever order concurrent changes commit in; a change whose projection never ran is finished by the reconciler.</summary>
public sealed class QueueConsistencyTests : IAsyncLifetime
{
    private QueueDesk _desk = null!;

    public async Task InitializeAsync() => _desk = await QueueDesk.StartAsync();

    public Task DisposeAsync() => _desk.DisposeAsync().AsTask();

    private T Service<T>()
        where T : notnull => _desk.App.Services.GetRequiredService<T>();

    [Fact]
    public async Task Concurrent_changes_on_the_same_cases_leave_queue_and_report_equal_to_the_cases_field_by_field()
    {
        var numbers = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            numbers.Add(await _desk.OpenAsync(2 + (i % 2)));
        }

        var agent = _desk.Agent;
        var customer = _desk.Customer.Client;
        var actions = new (string Name, Func<string, Task<HttpResponseMessage>> Run)[]
        {
            ("assign", n => agent.PostAsJsonAsync($"/api/cases/{n}/assignee", new { agentId = _desk.AgentId })),
            ("note", n => agent.PostAsJsonAsync($"/api/cases/{n}/notes", new { body = "Checked the logs" })),
            ("agent reply", n => agent.PostAsJsonAsync($"/api/cases/{n}/replies", new { body = "Please try again." })),
            ("customer reply", n => customer.PostAsJsonAsync($"/api/cases/{n}/replies", new { body = "Still failing." })),
            ("pending", n => agent.PostAsJsonAsync($"/api/cases/{n}/status", new { status = "PendingCustomer", reason = "Waiting for logs" })),
            ("open", n => agent.PostAsJsonAsync($"/api/cases/{n}/status", new { status = "Open", reason = "Back to work" })),
            ("severity", n => agent.PostAsJsonAsync($"/api/cases/{n}/severity", new { severity = 1 + Random.Shared.Next(4), reason = "Reassessed" })),
            ("solve", n => agent.PostAsJsonAsync($"/api/cases/{n}/status", new { status = "Solved", reason = "Fixed" })),
            ("close", n => agent.PostAsJsonAsync($"/api/cases/{n}/close", new { reason = "resolved", note = "Fixed" })),
        };

        // Beside the changes, projections of the same cases run unasked (as the reconciler's would): each reads a
        // version that a change may overtake before it writes, the race the markers exist for.
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<(string Action, HttpStatusCode Status)>();
        using var changing = new CancellationTokenSource();
        var projection = Service<CaseProjection>();
        var projections = Enumerable.Range(0, 3).Select(p => Task.Run(async () =>
        {
            var random = new Random(100 + p);
            while (!changing.IsCancellationRequested)
            {
                await projection.ReprojectAsync(numbers[random.Next(numbers.Count)], CancellationToken.None);
            }
        })).ToList();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            for (var step = 0; step < 14; step++)
            {
                var (name, run) = actions[random.Next(actions.Length)];
                using var response = await run(numbers[random.Next(numbers.Count)]);
                outcomes.Add((name, response.StatusCode));
            }
        })));
        await changing.CancelAsync();
        await Task.WhenAll(projections);

        // Refusals (a transition the status does not allow) are expected; a failure is not.
        Assert.All(outcomes, o => Assert.True((int)o.Status < 500, $"{o.Action} answered {(int)o.Status}"));
        Assert.True(outcomes.Count(o => o.Status == HttpStatusCode.OK) >= 30, "most changes commit");
        await AssertProjectionsEqualCasesAsync(numbers);
        Assert.Empty(await Service<CaseRepository>().FindMarkedBeforeAsync(DateTimeOffset.MaxValue, CancellationToken.None).ToListAsync());
    }

    [Fact]
    public async Task A_projection_overtaken_by_a_change_writes_again_instead_of_leaving_older_rows()
    {
        var number = await _desk.OpenAsync(2);
        var projection = Service<CaseProjection>();
        var held = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        projection.BetweenReadAndWrite = async n =>
        {
            if (!held.Task.IsCompleted)
            {
                held.SetResult();
                await release.Task;
            }
        };

        // A projection reads the case as New and is held; the agent's reply (Open) commits and is projected meanwhile.
        var stale = projection.ReprojectAsync(number, CancellationToken.None);
        await held.Task;
        projection.BetweenReadAndWrite = null;
        await _desk.ActAsync(number, "replies", new { body = "Looking into it." });
        Assert.Equal([number], await _desk.NumbersAsync("?status=Open"));

        // Released, it writes the New rows it read over the Open ones, finds the case changed, and writes again.
        release.SetResult();
        await stale;
        Assert.Equal([number], await _desk.NumbersAsync("?status=Open"));
        await AssertProjectionsEqualCasesAsync([number]);
    }

    [Fact]
    public async Task A_change_committed_without_its_projection_is_finished_by_the_reconciler()
    {
        var number = await _desk.OpenAsync(2);
        await Service<ProjectionReconciler>().ReconcileAsync(CancellationToken.None);
        var cases = Service<CaseRepository>();
        var stored = (await cases.GetAsync(number, CancellationToken.None))!;

        // What a crash right after the commit leaves: the case moved to the leads' team and on hold, its queue rows not.
        var at = _desk.Clock.GetUtcNow();
        var moved = new CaseChangeBuilder(stored.Case, at, "agent:test").Update(c => c with { Team = "support-escalations" });
        CaseLifecycle.ChangeStatus(moved, Service<SupportPolicy>(), CaseStatus.OnHold, "Waiting for a fix");
        await cases.ApplyAsync(stored, moved.Case, moved.Events);
        Assert.Equal([number], await _desk.NumbersAsync(string.Empty));

        Assert.Equal(0, await Service<ProjectionReconciler>().ReconcileAsync(CancellationToken.None));
        _desk.Clock.Advance(ProjectionReconciler.Grace + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await Service<ProjectionReconciler>().ReconcileAsync(CancellationToken.None));

        Assert.Empty(await _desk.NumbersAsync(string.Empty));
        Assert.Equal([number], await _desk.NumbersAsync("?team=support-escalations&status=OnHold&sla=paused"));
        await AssertProjectionsEqualCasesAsync([number]);
        Assert.Equal(0, await Service<ProjectionReconciler>().ReconcileAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Cases_stored_before_the_queue_existed_are_built_into_it_once()
    {
        var number = await _desk.OpenAsync(2);

        // What an account upgraded from a release without the queue has: cases, and no queue or report rows.
        var layout = Service<StorageLayout>();
        foreach (var name in new[] { StorageLayout.AgentQueueTable, StorageLayout.SlaReportTable })
        {
            var table = layout.Table(name);
            await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
            }
        }

        Assert.Empty(await _desk.NumbersAsync(string.Empty));

        var reconciler = ActivatorUtilities.CreateInstance<ProjectionReconciler>(_desk.App.Services);
        Assert.Equal(1, await reconciler.ReconcileAsync(CancellationToken.None));
        Assert.Equal([number], await _desk.NumbersAsync(string.Empty));
        await AssertProjectionsEqualCasesAsync([number]);
        Assert.Equal(0, await ActivatorUtilities.CreateInstance<ProjectionReconciler>(_desk.App.Services).ReconcileAsync(CancellationToken.None));
    }

    private async Task AssertProjectionsEqualCasesAsync(IReadOnlyList<string> numbers)
    {
        var policy = Service<SupportPolicy>();
        var cases = Service<CaseRepository>();
        var queued = (await Service<AgentQueueRepository>().ListAllAsync(policy.Teams.Select(t => t.Id).ToList(), CancellationToken.None)).ToList();
        var reported = await Service<SlaReportRepository>().ReadAsync(DateTimeOffset.UnixEpoch, DateTimeOffset.UtcNow.AddYears(1), CancellationToken.None);
        foreach (var number in numbers)
        {
            var source = await cases.GetProjectionSourceAsync(number, CancellationToken.None);
            var c = source.Case!.Case;
            var expected = AgentQueueEntry.From(c, policy);
            var rows = queued.Where(e => e.Number == number).ToList();
            if (expected is null)
            {
                Assert.Empty(rows);
            }
            else
            {
                // One row per order, each equal to the case's entry.
                Assert.Equal(3, rows.Count);
                Assert.All(rows, row => Assert.Equal(Json(expected), Json(row)));
            }

            Assert.Equal(Json(CaseSlaRecord.From(c, source.Outcomes, policy)), Json(Assert.Single(reported, r => r.Number == number)));
        }
    }

    private static string Json(object value) => JsonSerializer.Serialize(value);
}
