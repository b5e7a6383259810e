using SupportFunctions.Domain.Policies;
using SupportFunctions.Storage.Queues;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Queues;

/// <summary>
/// Runs one received message through its handler: delete on success; on failure let it come back after a backoff, and
/// after the policy's maximum deliveries park it as poison (kept with its error) and delete it — never retried forever,
/// never dropped silently.
/// </summary>
public sealed class QueueDispatcher(IEnumerable<IQueueHandler> handlers, AppQueues queues, PoisonRepository poison, SupportPolicy policy, TimeProvider time, ILogger<QueueDispatcher> logger)
{
    private readonly Dictionary<string, IQueueHandler> _handlers = handlers.ToDictionary(h => h.Queue, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Queues => _handlers.Keys;

    private int MaxDequeueCount => policy.Lifecycle.MaxDequeueCount;

    public IQueueHandler HandlerFor(string queue) =>
        _handlers.TryGetValue(queue, out var handler) ? handler : throw new KeyNotFoundException($"No handler for queue '{queue}'.");

    public async Task DispatchAsync(string queue, ReceivedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await HandlerFor(queue).HandleAsync(new InboundQueueMessage(message.Id, message.Text, message.DequeueCount), cancellationToken);
            await queues.DeleteAsync(queue, message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (IsLastDelivery(message.DequeueCount))
            {
                await ParkAsync(queue, message.Id, message.Text, message.DequeueCount, ex, cancellationToken);
                await queues.DeleteAsync(queue, message, cancellationToken);
                return;
            }

            Logs.QueueMessageFailed(logger, ex, queue, message.Id, message.DequeueCount, MaxDequeueCount);
            var backoff = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, message.DequeueCount)));
            await queues.DelayAsync(queue, message, backoff, cancellationToken);
        }
    }

    /// <summary>
    /// For a host that deletes and redelivers messages itself (the Functions queue trigger): the handler runs; a failure
    /// before the policy's last delivery is thrown, so the host delivers the message again; at the last it is parked
    /// and the call succeeds, so the host deletes it and the one poison list (<c>GET /api/admin/poison</c>) holds it
    /// under either host.
    /// </summary>
    public async Task DeliverAsync(string queue, InboundQueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await HandlerFor(queue).HandleAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && IsLastDelivery(message.DequeueCount))
        {
            await ParkAsync(queue, message.Id, message.Text, message.DequeueCount, ex, cancellationToken);
        }
    }

    /// <summary>The policy's last delivery: a message that fails it is parked, not retried.</summary>
    private bool IsLastDelivery(long dequeueCount) => dequeueCount >= MaxDequeueCount;

    public async Task ParkAsync(string queue, string messageId, string text, long dequeueCount, Exception error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        Logs.QueueMessagePoisoned(logger, error, queue, messageId, dequeueCount);
        await poison.ParkAsync(new PoisonMessage($"{queue}-{messageId}", queue, text, dequeueCount, time.GetUtcNow(), $"{error.GetType().Name}: {error.Message}"), cancellationToken);
    }

    /// <summary>
    /// A message whose text is not base64 (put there by another tool) never reaches a handler; it is parked like any
    /// poison message, under its queue's own name (Storage deletes it afterwards, as the Functions host does).
    /// </summary>
    public Task ParkUndecodableAsync(UndecodableMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return ParkAsync(message.Queue, message.Id, message.Text, message.DequeueCount, new FormatException("the message text is not base64, the encoding this app and the Functions queue trigger use"), cancellationToken);
    }
}
