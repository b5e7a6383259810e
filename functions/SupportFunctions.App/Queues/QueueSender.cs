using SupportFunctions.Storage.Queues;

namespace SupportFunctions.App.Queues;

/// <summary>Sends to the app's own queues; a message visible at once also wakes this process's poller of that queue.</summary>
public sealed class QueueSender(AppQueues queues, QueueSignals signals)
{
    public async Task SendAsync(string queue, string text, TimeSpan? delay, CancellationToken cancellationToken)
    {
        await queues.SendAsync(queue, text, delay, cancellationToken);
        if (delay is null || delay <= TimeSpan.Zero)
        {
            signals.Sent(queue);
        }
    }
}
