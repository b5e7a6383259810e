using Azure.Core;

namespace SupportFunctions.Storage.Queues;

/// <summary>The account's Queue service; hands out <see cref="QueueClient"/>s sharing one pipeline.</summary>
public sealed class QueueServiceClient(StorageAccount account, StorageClientOptions? options = null)
{
    private readonly StoragePipeline _pipeline = new(account, StorageServiceKind.Queue, options);

    public QueueClient GetQueueClient(string queueName) => new(_pipeline, queueName);

    /// <summary>The cheapest authenticated request (list one queue): succeeds only if the service answers and accepts our credentials.</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, string.Empty, ("comp", "list"), ("maxresults", "1"));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status != 200)
        {
            throw _pipeline.Failure(response, "List queues");
        }
    }
}
