using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using SupportFunctions.App.Queues;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Storage.Queues;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Notifications;

/// <summary>
/// Puts committed intents on the notifications queue. It runs after the case transaction: a failure here loses no
/// intent — the row is pending in the case partition, and the outbox reconciler sends its message again.
/// </summary>
public sealed class NotificationDispatcher(QueueSender queues, ILogger<NotificationDispatcher> logger)
{
    /// <summary>One message per case for the intents a change made (a message per intent would cost a send, a receive and a delete each).</summary>
    public async Task DispatchAsync(IEnumerable<NotificationIntent> intents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intents);
        foreach (var byCase in intents.GroupBy(i => i.CaseNumber, StringComparer.Ordinal))
        {
            var ids = byCase.Select(i => i.Id).ToList();
            try
            {
                await SendAsync(new NotificationMessage(byCase.Key, ids[0], ids.Count > 1 ? ids : null), TimeSpan.Zero, cancellationToken);
            }
            catch (RequestFailedException ex)
            {
                Logs.NotificationDispatchFailed(logger, string.Join(", ", ids), ex.Status, ex.ErrorCode);
            }
        }
    }

    public Task SendAsync(NotificationMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        var capped = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > QueueOperations.MaxVisibilityDelay ? QueueOperations.MaxVisibilityDelay : delay;
        return queues.SendAsync(StorageLayout.NotificationsQueue, QueueMessageJson.Write(message), TimeSpan.FromSeconds(Math.Ceiling(capped.TotalSeconds)), cancellationToken);
    }

    public static NotificationMessage Parse(string text) =>
        QueueMessageJson.Read<NotificationMessage>(text, m => m is { CaseNumber: { Length: > 0 }, IntentId: { Length: > 0 } }, "a notification naming a case and an intent");
}
