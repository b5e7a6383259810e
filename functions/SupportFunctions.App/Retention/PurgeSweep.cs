using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportFunctions.Domain.Retention;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Retention;

/// <summary>
/// The work of a purge run, one page at a time, for the purge orchestration's activities: plan a page (read the expired
/// items of a source and save their keys before touching any), then execute the plan (idempotent: a resumed page deletes
/// what is left and writes the same proof), then finish the run with its report. Each source is swept in order.
/// </summary>
public sealed class PurgeSweep
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly PurgeRunRepository _runs;
    private readonly LegalHoldRepository _holds;
    private readonly CaseRepository _cases;
    private readonly RetentionOptions _options;
    private readonly IEnumerable<IPurgeProgress> _progress;
    private readonly ILogger<PurgeSweep> _logger;
    private readonly IReadOnlyList<IPurgeSource> _sources;

    public PurgeSweep(PurgeSources sources, PurgeRunRepository runs, LegalHoldRepository holds, CaseRepository cases, IOptions<RetentionOptions> options, IEnumerable<IPurgeProgress> progress, ILogger<PurgeSweep> logger)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(options);
        _runs = runs;
        _holds = holds;
        _cases = cases;
        _options = options.Value;
        _progress = progress;
        _logger = logger;
        _sources = sources.InOrder;
    }

    /// <summary>The sources in the order a run sweeps them.</summary>
    public IReadOnlyList<string> Phases => _sources.Select(s => s.Name).ToList();

    /// <summary>Reads the page and saves the keys it will purge; nothing is touched yet, so running this again is harmless.</summary>
    public async Task<PurgePageResult> PlanPageAsync(PurgePageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = await _sources[request.Phase].ReadAsync(request.Continuation, await ContextAsync(request.AsOf, cancellationToken), cancellationToken);
        if (page.Targets.Count > 0)
        {
            await _runs.SavePlanAsync(request.RunId, request.Page, JsonSerializer.Serialize(page.Targets, Json), cancellationToken);
        }

        return new PurgePageResult(page.Targets.Count, Count(page.Targets.Select(t => t.DataClass)), Count(page.HeldClasses), page.Continuation);
    }

    /// <summary>Purges the planned page (unless the run is dry) and writes its proof; a page run again after a crash ends the same.</summary>
    public async Task ExecutePageAsync(PurgePageRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var saved = await _runs.LoadPlanAsync(request.RunId, request.Page, cancellationToken)
            ?? throw new InvalidOperationException($"Purge run {request.RunId} has no plan for page {request.Page}.");
        var targets = JsonSerializer.Deserialize<List<PurgeTarget>>(saved, Json) ?? [];
        var source = _sources[request.Phase];
        if (!request.DryRun)
        {
            foreach (var progress in _progress)
            {
                await progress.PagePlannedAsync(request.RunId, source.Name, request.Page, targets, cancellationToken);
            }

            await source.ExecuteAsync(targets, await ContextAsync(request.AsOf, cancellationToken), cancellationToken);
        }

        await _runs.SaveProofAsync(request.RunId, request.Page, targets.Select(t => t.ProofId), cancellationToken);
    }

    /// <summary>Writes the run's report (the state the API shows from then on), ends its hold on "one run at a time", and deletes its plans.</summary>
    public async Task FinishAsync(PurgeProgress progress, DateTimeOffset finishedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var run = await _runs.GetAsync(progress.RunId, cancellationToken)
            ?? throw new InvalidOperationException($"Purge run {progress.RunId} has no record to report into.");
        if (run.State == PurgeRun.Running)
        {
            run = await _runs.SaveAsync(run with { State = PurgeRun.Completed, FinishedAt = finishedAt, Phase = progress.Phase, Pages = progress.Pages, Purged = progress.Purged, Held = progress.Held }, cancellationToken);
            Logs.PurgeFinished(_logger, run.Id, run.Pages, run.Purged.Values.Sum(), run.Held.Values.Sum());
        }

        await _runs.DeletePlansAsync(run.Id, cancellationToken);
    }

    private async Task<PurgeContext> ContextAsync(DateTimeOffset asOf, CancellationToken cancellationToken) =>
        new(asOf, await _holds.LoadAsync(cancellationToken), _cases, _options);

    private static Dictionary<string, long> Count(IEnumerable<string> classes) =>
        classes.GroupBy(c => c, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
}
