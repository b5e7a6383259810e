using SupportFunctions.Storage.Queues;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Queues;

/// <summary>Sends to the app's own queues; a message visible at once also wakes this process's poller of that queue.</summary>
public sealed class QueueSender(StorageLayout layout, QueueSignals signals)
{
    public async Task SendAsync(string queue, string text, TimeSpan? delay, CancellationToken cancellationToken)
    {
        await layout.Queue(queue).SendAsync(text, delay, cancellationToken: cancellationToken);
        if (delay is null || delay <= TimeSpan.Zero)
        {
            signals.Sent(queue);
        }
    }
}
