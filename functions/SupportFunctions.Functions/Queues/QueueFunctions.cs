using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using SupportFunctions.App.Durable;
using SupportFunctions.App.Queues;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.Functions.Queues;

/// <summary>
/// Queue triggers: each message goes to the handler the standalone poller uses (<see cref="QueueDispatcher.DeliverAsync"/>).
/// The queues are the storage layout's own names, which the app writes to; under Functions the storage prefix is
/// empty (a start-up check), so the names are exactly these. The host deletes a message when the function returns and
/// delivers it again when it throws.
/// </summary>
public sealed class QueueFunctions(QueueDispatcher dispatcher)
{
    public const string Connection = "SupportFunctionsStorage";

    [Function("InboundQueue")]
    public Task InboundQueue([QueueTrigger(StorageLayout.InboundQueue, Connection = Connection)] string message, string id, long dequeueCount, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        DeliverAsync(StorageLayout.InboundQueue, message, id, dequeueCount, durable, cancellationToken);

    [Function("CasesInboundQueue")]
    public Task CasesInboundQueue([QueueTrigger(StorageLayout.CasesInboundQueue, Connection = Connection)] string message, string id, long dequeueCount, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        DeliverAsync(StorageLayout.CasesInboundQueue, message, id, dequeueCount, durable, cancellationToken);

    [Function("NotificationsQueue")]
    public Task NotificationsQueue([QueueTrigger(StorageLayout.NotificationsQueue, Connection = Connection)] string message, string id, long dequeueCount, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        DeliverAsync(StorageLayout.NotificationsQueue, message, id, dequeueCount, durable, cancellationToken);

    private async Task DeliverAsync(string queue, string message, string id, long dequeueCount, DurableTaskClient durable, CancellationToken cancellationToken)
    {
        using (DurableClientAccessor.Use(durable))
        {
            await dispatcher.DeliverAsync(queue, new InboundQueueMessage(id, message, dequeueCount), cancellationToken);
        }
    }
}
