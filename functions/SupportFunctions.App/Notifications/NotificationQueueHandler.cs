using SupportFunctions.App.Queues;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Notifications;

/// <summary>
/// The notifications queue, under the Functions host and standalone alike. A transient failure is not a failed
/// message: the retry is a new message delayed until it is due (the queue's own redelivery cannot wait per message under
/// the host), and this one completes. A malformed message throws, so it ends up parked as poison.
/// </summary>
public sealed class NotificationQueueHandler(NotificationSender sender, NotificationDispatcher dispatcher, TimeProvider time) : IQueueHandler
{
    public string Queue => StorageLayout.NotificationsQueue;

    public async Task HandleAsync(InboundQueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        foreach (var notification in NotificationDispatcher.Parse(message.Text).Each())
        {
            // A retry is the one intent's own message; the others of the change are settled here.
            if (await sender.DeliverAsync(notification, cancellationToken) is { } retryAt)
            {
                await dispatcher.SendAsync(notification, retryAt - time.GetUtcNow(), cancellationToken);
            }
        }
    }
}
