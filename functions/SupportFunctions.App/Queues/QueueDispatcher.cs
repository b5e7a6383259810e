using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Storage.Queues;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Queues;

/// <summary>
/// Runs one received message through its handler: delete on success; on failure let it come back after a backoff, and
/// after the policy's maximum deliveries park it as poison (kept with its error) and delete it — never retried forever,
/// never dropped silently.
/// </summary>
public sealed class QueueDispatcher(IEnumerable<IQueueHandler> handlers, StorageLayout layout, PoisonRepository poison, SupportPolicy policy, TimeProvider time, ILogger<QueueDispatcher> logger)
{
    private readonly Dictionary<string, IQueueHandler> _handlers = handlers.ToDictionary(h => h.Queue, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Queues => _handlers.Keys;

    private int MaxDequeueCount => policy.Lifecycle.MaxDequeueCount;

    public IQueueHandler HandlerFor(string queue) =>
        _handlers.TryGetValue(queue, out var handler) ? handler : throw new KeyNotFoundException($"No handler for queue '{queue}'.");

    public async Task DispatchAsync(string queue, QueueClient client, QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await HandlerFor(queue).HandleAsync(new InboundQueueMessage(message.MessageId, message.Body.ToString(), message.DequeueCount), cancellationToken);
            await client.DeleteIfExistsAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (IsLastDelivery(message.DequeueCount))
            {
                await ParkAsync(queue, message.MessageId, message.Body.ToString(), message.DequeueCount, ex, cancellationToken);
                await client.DeleteIfExistsAsync(message.MessageId, message.PopReceipt, cancellationToken);
                return;
            }

            Logs.QueueMessageFailed(logger, ex, queue, message.MessageId, message.DequeueCount, MaxDequeueCount);
            var backoff = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, message.DequeueCount)));
            await client.UpdateVisibilityAsync(message.MessageId, message.PopReceipt, backoff, cancellationToken);
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
    /// A message whose text is not base64 (put there by another tool) fails the SDK's decoding before any handler sees
    /// it; left alone it would come back forever, so it is parked like any poison message, under its queue's own name,
    /// and deleted, as the Functions host does. Peeks cannot delete: the next receive of the message parks it.
    /// </summary>
    public async Task ParkUndecodableAsync(QueueMessageDecodingFailedEventArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.ReceivedMessage is not { } message || args.IsRunningSynchronously)
        {
            return;
        }

        var queue = Queues.FirstOrDefault(q => layout.Queue(q).Name == args.Queue.Name) ?? args.Queue.Name;
        await ParkAsync(queue, message.MessageId, message.Body.ToString(), message.DequeueCount, new FormatException("the message text is not base64, the encoding this app and the Functions queue trigger use"), args.CancellationToken);
        await args.Queue.DeleteIfExistsAsync(message.MessageId, message.PopReceipt, args.CancellationToken);
    }

    public QueueClient Client(string queue) => layout.Queue(queue);
}
