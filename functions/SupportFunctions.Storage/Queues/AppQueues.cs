using Azure.Storage.Queues;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.Storage.Queues;

/// <summary>A message received from one of the app's queues: its id and pop receipt (to delete or delay it), its text, its delivery count.</summary>
public sealed record ReceivedMessage(string Id, string PopReceipt, string Text, long DequeueCount);

/// <summary>A message the SDK could not decode (not base64: put there by another tool), by the app's name of its queue.</summary>
public sealed record UndecodableMessage(string Queue, string Id, string Text, long DequeueCount);

/// <summary>
/// The app's queues by their app names (<c>inbound</c>, <c>cases-inbound</c>, <c>notifications</c>): send, receive a
/// batch, delete what was handled, and delay what failed.
/// </summary>
public sealed class AppQueues(StorageLayout layout)
{
    private QueueClient Queue(string queue) => layout.Queue(queue);

    /// <summary>Sends <paramref name="text"/>, visible after <paramref name="delay"/> (none: at once).</summary>
    public Task SendAsync(string queue, string text, TimeSpan? delay, CancellationToken cancellationToken) =>
        Queue(queue).SendAsync(text, delay, cancellationToken);

    /// <summary>Up to <paramref name="max"/> messages, each hidden from other receivers for <paramref name="visibility"/>.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string queue, int max, TimeSpan visibility, CancellationToken cancellationToken)
    {
        var messages = await Queue(queue).ReceiveMessagesAsync(max, visibility, cancellationToken);
        return messages.Value.Select(m => new ReceivedMessage(m.MessageId, m.PopReceipt, m.Body.ToString(), m.DequeueCount)).ToList();
    }

    /// <summary>Deletes a handled message; one already gone is success.</summary>
    public Task DeleteAsync(string queue, ReceivedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Queue(queue).DeleteIfExistsAsync(message.Id, message.PopReceipt, cancellationToken);
    }

    /// <summary>Lets a failed message come back after <paramref name="delay"/>.</summary>
    public Task DelayAsync(string queue, ReceivedMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return Queue(queue).UpdateVisibilityAsync(message.Id, message.PopReceipt, delay, cancellationToken);
    }

    /// <summary>The app's name of a queue from its name in storage (prefixed); the storage name when it is none of the app's.</summary>
    public string AppNameOf(string storageName) =>
        StorageLayout.QueueNames.FirstOrDefault(q => layout.Naming.Queue(q) == storageName) ?? storageName;
}
