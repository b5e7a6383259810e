using Microsoft.DurableTask;
using SupportFunctions.App.Retention;

namespace SupportFunctions.App.Durable;

/// <summary>Reads a page of expired items and saves its plan (<see cref="PurgeSweep.PlanPageAsync"/>).</summary>
public sealed class PlanPurgePageActivity(PurgeSweep sweep, IHostApplicationLifetime lifetime) : TaskActivity<PurgePageRequest, PurgePageResult>
{
    public override Task<PurgePageResult> RunAsync(TaskActivityContext context, PurgePageRequest input) =>
        sweep.PlanPageAsync(input, lifetime.ApplicationStopping);
}
