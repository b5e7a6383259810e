using System.Globalization;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using SupportFunctions.App.Durable;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Retention;

/// <summary>
/// Purge runs as the API and the schedule see them: starting one (one at a time) starts its
/// <see cref="RetentionPurgeOrchestration"/>; reading one merges the run's record with its orchestration's progress.
/// The only code that touches the purge orchestration through the Durable Task client.
/// </summary>
public sealed class PurgeRuns(PurgeRunRepository runs, PurgeSweep sweep, DurableClientAccessor durable, IOptions<RetentionOptions> options, TimeProvider time, ILogger<PurgeRuns> logger)
{
    private DurableTaskClient Client => durable.Client;

    public static string InstanceId(string runId) => "purge-" + runId;

    public IReadOnlyList<string> Phases => sweep.Phases;

    /// <summary>
    /// Starts a run unless one is unfinished: then that run is returned and nothing starts. An unfinished run whose
    /// orchestration never started (a crash between the two writes) gets it now; one whose orchestration failed is
    /// recorded as failed, and the new run starts.
    /// </summary>
    public async Task<(PurgeRun Run, bool Started)> StartAsync(bool dryRun, string trigger, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var id = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        var candidate = new PurgeRun { Id = id, DryRun = dryRun, Trigger = trigger, StartedAt = now };
        var (run, created) = await runs.StartAsync(candidate, cancellationToken);
        if (!created)
        {
            var current = await WithProgressAsync(run, cancellationToken);
            if (current.State == PurgeRun.Running)
            {
                return (current, false);
            }

            // Its orchestration failed: saving that ends the run's hold on "one run at a time", and the new run starts.
            await runs.SaveAsync(current, cancellationToken);
            (run, created) = await runs.StartAsync(candidate, cancellationToken);
            if (!created)
            {
                return (run, false);
            }
        }

        Logs.PurgeStarted(logger, run.Id, dryRun, trigger);
        await StartOrchestrationAsync(run, cancellationToken);
        return (run, true);
    }

    /// <summary>The schedule's start: first the histories of orchestrations that ended long ago are purged, then a run starts.</summary>
    public async Task<(PurgeRun Run, bool Started)> StartScheduledAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - TimeSpan.FromDays(Math.Max(1, options.Value.OrchestrationHistoryDays));
        var filter = new PurgeInstancesFilter(CreatedFrom: DateTimeOffset.UnixEpoch, CreatedTo: before, Statuses: [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated]);
        var purged = await Client.PurgeAllInstancesAsync(filter, cancellationToken);
        Logs.OrchestrationHistoriesPurged(logger, purged.PurgedInstanceCount, before);
        return await StartAsync(dryRun: false, "schedule", cancellationToken);
    }

    public async Task<PurgeRun?> GetAsync(string runId, CancellationToken cancellationToken) =>
        await runs.GetAsync(runId, cancellationToken) is { } run ? await WithProgressAsync(run, cancellationToken) : null;

    /// <summary>Runs, newest first; a running one with its progress.</summary>
    public async Task<IReadOnlyList<PurgeRun>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        var list = new List<PurgeRun>();
        foreach (var run in await runs.ListAsync(limit, cancellationToken))
        {
            list.Add(await WithProgressAsync(run, cancellationToken));
        }

        return list;
    }

    private Task StartOrchestrationAsync(PurgeRun run, CancellationToken cancellationToken) =>
        Client.StartOnceAsync(nameof(RetentionPurgeOrchestration), InstanceId(run.Id), PurgeProgress.Start(run.Id, run.DryRun, run.StartedAt, sweep.Phases.Count), cancellationToken);

    /// <summary>A running run's record with its orchestration's progress, or its failure; an ended run's record is its report.</summary>
    private async Task<PurgeRun> WithProgressAsync(PurgeRun run, CancellationToken cancellationToken)
    {
        if (run.State != PurgeRun.Running)
        {
            return run;
        }

        var instance = await Client.GetInstanceAsync(InstanceId(run.Id), getInputsAndOutputs: true, cancellationToken);
        if (instance is null)
        {
            // Recorded, but its start was lost: start it now (idempotent), so a run never hangs unstarted.
            await StartOrchestrationAsync(run, cancellationToken);
            return run;
        }

        if (instance.RuntimeStatus is OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
        {
            return run with { State = PurgeRun.Failed, FinishedAt = instance.LastUpdatedAt, Error = FailureOf(instance) };
        }

        return instance.ReadCustomStatusAs<PurgeProgress>() is { } progress
            ? run with { Phase = progress.Phase, Pages = progress.Pages, Purged = progress.Purged, Held = progress.Held }
            : run;
    }

    /// <summary>Why the orchestration failed (a terminated one has no failure details: its status says it).</summary>
    private static string FailureOf(OrchestrationMetadata instance) =>
        instance.FailureDetails?.ErrorMessage ?? instance.RuntimeStatus.ToString();
}