using SupportFunctions.App.Reconcilers;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.AgentQueues;

/// <summary>
/// Finishes projections a crash (or a storage failure after the commit) left undone: cases still marked a grace period
/// after their change are projected again, so the queue and the report cannot stay wrong. Once per storage account it
/// first projects every case there is, for cases opened before the queue existed (they carry no marker).
/// </summary>
public sealed class ProjectionReconciler(CaseRepository cases, AgentQueueRepository queue, CaseProjection projection, TimeProvider time, ILogger<ProjectionReconciler> logger) : IReconciler
{
    /// <summary>Names the one-time build; a new name would build again.</summary>
    public const string InitialBuild = "initial-build-v1";

    private bool _built;

    /// <summary>Long enough that a projection in flight finishes first.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    public string Name => "projections";

    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var projected = _built ? 0 : await BuildOnceAsync(cancellationToken);
        var before = time.GetUtcNow() - Grace;
        await foreach (var number in cases.FindMarkedBeforeAsync(before, cancellationToken))
        {
            await projection.ReprojectAsync(number, cancellationToken);
            Logs.ProjectionReconciled(logger, number, before);
            projected++;
        }

        return projected;
    }

    private async Task<int> BuildOnceAsync(CancellationToken cancellationToken)
    {
        if (await queue.IsBuiltAsync(InitialBuild, cancellationToken))
        {
            _built = true;
            return 0;
        }

        // Two instances doing this at once is harmless: projecting a case twice writes the same rows.
        var built = 0;
        await foreach (var number in cases.ListNumbersAsync(cancellationToken))
        {
            await projection.ReprojectAsync(number, cancellationToken);
            built++;
        }

        await queue.MarkBuiltAsync(InitialBuild, time.GetUtcNow(), built, cancellationToken);
        Logs.ProjectionsBuilt(logger, built);
        _built = true;
        return built;
    }
}
