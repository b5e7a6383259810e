using Microsoft.DurableTask;
using SupportFunctions.App.Retention;

namespace SupportFunctions.App.Durable;

/// <summary>Purges a planned page and writes its proof (<see cref="PurgeSweep.ExecutePageAsync"/>).</summary>
public sealed class ExecutePurgePageActivity(PurgeSweep sweep, IHostApplicationLifetime lifetime) : TaskActivity<PurgePageRequest, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, PurgePageRequest input)
    {
        await sweep.ExecutePageAsync(input, lifetime.ApplicationStopping);
        return true;
    }
}
