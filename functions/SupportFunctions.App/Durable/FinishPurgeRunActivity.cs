using Microsoft.DurableTask;
using SupportFunctions.App.Retention;

namespace SupportFunctions.App.Durable;

/// <summary>Writes the run's report and releases "one run at a time" (<see cref="PurgeSweep.FinishAsync"/>).</summary>
public sealed class FinishPurgeRunActivity(PurgeSweep sweep, IHostApplicationLifetime lifetime) : TaskActivity<PurgeFinish, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, PurgeFinish input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await sweep.FinishAsync(input.Progress, input.FinishedAt, lifetime.ApplicationStopping);
        return true;
    }
}
