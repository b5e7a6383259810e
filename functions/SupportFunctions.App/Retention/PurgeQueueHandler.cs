using SupportFunctions.App.Queues;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Retention;

/// <summary>
/// The purges queue: each delivery works one slice of a run and, if the run is not finished, queues the next slice.
/// A run another worker holds is looked at again when that worker's lease ends (it may have died).
/// </summary>
public sealed class PurgeQueueHandler(PurgeRunner runner, TimeProvider time) : IQueueHandler
{
    public string Queue => StorageLayout.PurgesQueue;

    public async Task HandleAsync(InboundQueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var purge = PurgeRunner.Parse(message.Text);
        var (run, busyUntil) = await runner.ContinueAsync(purge.RunId, cancellationToken);
        if (busyUntil is { } until)
        {
            await runner.EnqueueAsync(purge.RunId, until - time.GetUtcNow() + TimeSpan.FromSeconds(1), cancellationToken);
        }
        else if (run is { State: PurgeRun.Running })
        {
            await runner.EnqueueAsync(purge.RunId, null, cancellationToken);
        }
    }
}
