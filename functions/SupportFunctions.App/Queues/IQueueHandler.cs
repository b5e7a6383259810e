namespace SupportFunctions.App.Queues;

/// <summary>
/// Handles messages of one queue. The same handler runs under the Functions host (queue-trigger invocation) and
/// standalone (the poller); it must be idempotent, because either may deliver a message more than once. Throwing means
/// "not handled": the message is delivered again, and parked as poison after the policy's maximum deliveries.
/// </summary>
public interface IQueueHandler
{
    /// <summary>The queue's base name (without the deployment prefix).</summary>
    string Queue { get; }

    Task HandleAsync(InboundQueueMessage message, CancellationToken cancellationToken);
}
