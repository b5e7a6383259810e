namespace SupportFunctions.Storage.Queues;

/// <summary>The account's Queue service; hands out <see cref="QueueClient"/>s sharing one pipeline.</summary>
public sealed class QueueServiceClient(StorageAccount account, StorageClientOptions? options = null)
{
    private readonly StoragePipeline _pipeline = new(account, StorageServiceKind.Queue, options);

    public QueueClient GetQueueClient(string queueName) => new(_pipeline, queueName);
}
