using SupportFunctions.App.Timers;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.AgentQueues;

/// <summary>
/// Finishes projections a crash (or a storage failure after the commit) left undone: cases still marked a grace period
/// after their change are projected again, so the queue and the report cannot stay wrong.
/// </summary>
public sealed class ProjectionReconciler(CaseRepository cases, CaseProjection projection, TimeProvider time, ILogger<ProjectionReconciler> logger) : IReconciler
{
    /// <summary>Long enough that a projection in flight finishes first.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    public string Name => "projections";

    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - Grace;
        var projected = 0;
        await foreach (var number in cases.FindMarkedBeforeAsync(before, cancellationToken))
        {
            await projection.ReprojectAsync(number, cancellationToken);
            Logs.ProjectionReconciled(logger, number, before);
            projected++;
        }

        return projected;
    }
}
