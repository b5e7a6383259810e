using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportFunctions.App.Queues;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Domain.Retention;
using SupportFunctions.Storage;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Retention;

/// <summary>
/// Runs purges: sweeps each source page by page, and checkpoints in the run record — plan the page (its keys in a
/// blob), mark it pending, purge it, write its proof, then advance and count. A crash anywhere resumes at the pending
/// page or the next one, so an interrupted run ends where an uninterrupted one would, with the same counts. Work goes
/// in slices (one queue delivery each) and a lease keeps two workers off the same run.
/// </summary>
public sealed class PurgeRunner
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly PurgeRunRepository _runs;
    private readonly LegalHoldRepository _holds;
    private readonly CaseRepository _cases;
    private readonly QueueSender _queues;
    private readonly RetentionOptions _options;
    private readonly IEnumerable<IPurgeProgress> _progress;
    private readonly TimeProvider _time;
    private readonly ILogger<PurgeRunner> _logger;
    private readonly IReadOnlyList<IPurgeSource> _sources;

    public PurgeRunner(StorageLayout layout, QueueSender queues, PurgeRunRepository runs, LegalHoldRepository holds, CaseRepository cases, CaseIndexRepository index, SupportPolicy policy, IOptions<RetentionOptions> options, IEnumerable<IPurgeProgress> progress, TimeProvider time, ILogger<PurgeRunner> logger)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(options);
        _queues = queues;
        _runs = runs;
        _holds = holds;
        _cases = cases;
        _options = options.Value;
        _progress = progress;
        _time = time;
        _logger = logger;
        _sources =
        [
            new EntityPurgeSource(StorageLayout.UploadsTable, layout.Table(StorageLayout.UploadsTable)),
            new EntityPurgeSource(StorageLayout.InboundTable, layout.Table(StorageLayout.InboundTable)),
            new BlobPurgeSource(StorageLayout.FilesContainer, layout.Container(StorageLayout.FilesContainer), DataClasses.UploadedDataFiles, namesHoldFileNames: true, policy),
            new BlobPurgeSource("inbound-files", layout.Container(StorageLayout.InboundContainer), DataClasses.RawInboundEmail, namesHoldFileNames: false, policy),
            new ClosedCasePurgeSource(cases, index, policy, logger),
        ];
    }

    /// <summary>The sources in the order a run sweeps them.</summary>
    public IReadOnlyList<string> Phases => _sources.Select(s => s.Name).ToList();

    private TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(1, _options.SliceSeconds) * 2);

    /// <summary>Starts a run and queues its first slice, unless a run is unfinished: then that run is returned and nothing starts.</summary>
    public async Task<(PurgeRun Run, bool Started)> StartAsync(bool dryRun, string trigger, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var id = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        var (run, created) = await _runs.StartAsync(new PurgeRun { Id = id, DryRun = dryRun, Trigger = trigger, StartedAt = now }, cancellationToken);
        if (created)
        {
            Logs.PurgeStarted(_logger, run.Id, dryRun, trigger);
            await EnqueueAsync(run.Id, null, cancellationToken);
        }

        return (run, created);
    }

    public Task EnqueueAsync(string runId, TimeSpan? delay, CancellationToken cancellationToken) =>
        _queues.SendAsync(StorageLayout.PurgesQueue, QueueMessageJson.Write(new PurgeMessage(runId)), delay, cancellationToken);

    public static PurgeMessage Parse(string text) =>
        QueueMessageJson.Read<PurgeMessage>(text, m => m.RunId is { Length: > 0 }, "{\"runId\": \"...\"}");

    /// <summary>
    /// Works on the run for one slice. Returns the run as it stands, or null when another worker holds it (its lease
    /// ends at the returned time, when the caller may come back).
    /// </summary>
    public async Task<(PurgeRun? Run, DateTimeOffset? BusyUntil)> ContinueAsync(string runId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var run = await _runs.GetAsync(runId, cancellationToken);
        if (run is null || run.State == PurgeRun.Completed)
        {
            return (run, null);
        }

        if (run.LeaseUntil is { } lease && lease > now)
        {
            return (null, lease);
        }

        try
        {
            run = await _runs.SaveAsync(run with { LeaseUntil = now + Lease }, cancellationToken);
            var context = new PurgeContext(now, await _holds.LoadAsync(cancellationToken), _cases, _options);
            var deadline = now + TimeSpan.FromSeconds(Math.Max(1, _options.SliceSeconds));
            while (run.State == PurgeRun.Running && _time.GetUtcNow() < deadline)
            {
                run = await StepAsync(run, context, cancellationToken);
            }

            // Let the next slice (queued by the caller) start at once rather than wait out our lease.
            return (run.State == PurgeRun.Running ? await _runs.SaveAsync(run with { LeaseUntil = null }, cancellationToken) : run, null);
        }
        catch (StorageConcurrencyException)
        {
            // Another worker took the run over (our lease ran out while we worked): it continues from the checkpoint.
            return (null, _time.GetUtcNow() + Lease);
        }
    }

    /// <summary>One page (or the end of a phase, or of the run).</summary>
    private async Task<PurgeRun> StepAsync(PurgeRun run, PurgeContext context, CancellationToken cancellationToken)
    {
        if (run.Phase >= _sources.Count)
        {
            var done = await _runs.SaveAsync(run with { State = PurgeRun.Completed, FinishedAt = _time.GetUtcNow(), LeaseUntil = null }, cancellationToken);
            Logs.PurgeFinished(_logger, done.Id, done.Pages, done.Purged.Values.Sum(), done.Held.Values.Sum());
            return done;
        }

        var source = _sources[run.Phase];
        if (run.PagePending)
        {
            var saved = await _runs.LoadPlanAsync(run.Id, cancellationToken);
            var plan = saved is null ? null : JsonSerializer.Deserialize<PurgePlan>(saved, Json);
            if (plan is null || plan.Phase != run.Phase)
            {
                throw new InvalidOperationException($"Purge run {run.Id} has a pending page in phase {run.Phase} but no plan for it.");
            }

            Logs.PurgePageResumed(_logger, run.Id, source.Name, plan.Targets.Count);
            await source.ExecuteAsync(plan.Targets, context, cancellationToken);
            return await CompletePageAsync(run, plan.Targets, plan.HeldClasses, run.PendingContinuation, cancellationToken);
        }

        var page = await source.ReadAsync(run.Continuation, context, cancellationToken);
        if (page.Targets.Count > 0 && !run.DryRun)
        {
            await _runs.SavePlanAsync(run.Id, JsonSerializer.Serialize(new PurgePlan(run.Phase, page.Targets, page.HeldClasses), Json), cancellationToken);
            run = await _runs.SaveAsync(run with { PagePending = true, PendingContinuation = page.Continuation, LeaseUntil = _time.GetUtcNow() + Lease }, cancellationToken);
            foreach (var progress in _progress)
            {
                await progress.PagePlannedAsync(run.Id, source.Name, run.Pages + 1, page.Targets, cancellationToken);
            }

            await source.ExecuteAsync(page.Targets, context, cancellationToken);
        }

        return await CompletePageAsync(run, page.Targets, page.HeldClasses, page.Continuation, cancellationToken);
    }

    private async Task<PurgeRun> CompletePageAsync(PurgeRun run, IReadOnlyList<PurgeTarget> targets, IReadOnlyList<string> heldClasses, string? next, CancellationToken cancellationToken)
    {
        var pages = run.Pages;
        if (targets.Count > 0)
        {
            pages++;
            await _runs.SaveProofAsync(run.Id, pages, targets.Select(t => t.ProofId), cancellationToken);
        }

        return await _runs.SaveAsync(
            run with
            {
                Phase = next is null ? run.Phase + 1 : run.Phase,
                Continuation = next,
                PagePending = false,
                PendingContinuation = null,
                Pages = pages,
                Purged = Add(run.Purged, targets.Select(t => t.DataClass)),
                Held = Add(run.Held, heldClasses),
                LeaseUntil = _time.GetUtcNow() + Lease,
            },
            cancellationToken);
    }

    private static Dictionary<string, long> Add(IReadOnlyDictionary<string, long> counts, IEnumerable<string> classes)
    {
        var sum = counts.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        foreach (var dataClass in classes)
        {
            sum[dataClass] = sum.GetValueOrDefault(dataClass) + 1;
        }

        return sum;
    }
}
