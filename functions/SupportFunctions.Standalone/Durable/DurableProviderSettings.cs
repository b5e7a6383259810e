using DurableTask.AzureStorage;
using SupportFunctions.App.Durable;
using SupportFunctions.App.Storage;
using SupportFunctions.Storage;

namespace SupportFunctions.Standalone.Durable;

/// <summary>The Durable Task Azure Storage provider's settings for the standalone engine, from <see cref="DurableOptions"/>.</summary>
internal static class DurableProviderSettings
{
    public static AzureStorageOrchestrationServiceSettings For(DurableOptions options, string hubName, string workerId, StorageConnection connection, ILoggerFactory loggers) => new()
    {
        TaskHubName = hubName,
        WorkerId = workerId,
        StorageAccountClientProvider = ClientProvider(connection),
        PartitionCount = options.PartitionCount,
        MaxQueuePollingInterval = options.MaxQueuePollingInterval,
        ControlQueueBatchSize = options.ControlQueueBatchSize,
        MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
        MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
        ExtendedSessionsEnabled = options.ExtendedSessions,
        ExtendedSessionIdleTimeout = options.ExtendedSessionIdleTimeout,
        WorkItemQueueVisibilityTimeout = options.WorkItemVisibilityTimeout,
        ControlQueueVisibilityTimeout = options.WorkItemVisibilityTimeout,
        LeaseInterval = options.LeaseInterval,
        LeaseRenewInterval = options.LeaseInterval / 3,
        LeaseAcquireInterval = options.LeaseInterval / 3,
        // Two instances that both think they own an instance (a lease changing hands) cannot both write its state: the
        // instance row's ETag decides, and the loser retries from what the winner wrote.
        UseInstanceTableEtag = true,
        LoggerFactory = loggers,
        // The app lease serves blue/green swaps of a Functions app; service instances share the hub by partition
        // leases, and with it a restarted service would wait for its own old app lease to expire.
        UseAppLease = false,
    };

    /// <summary>The provider's clients carry our client options, so they speak the service versions Azurite and Azure both serve.</summary>
    private static StorageAccountClientProvider ClientProvider(StorageConnection connection)
    {
        if (connection.ConnectionString is { } connectionString)
        {
            return new StorageAccountClientProvider(
                StorageServiceClientProvider.ForBlob(connectionString, StorageClientSettings.Blobs()),
                StorageServiceClientProvider.ForQueue(connectionString, QueueOptions()),
                StorageServiceClientProvider.ForTable(connectionString, StorageClientSettings.Tables()));
        }

        // Managed identity needs the Blob, Queue and Table data contributor roles for the provider (infra/bicep grants them).
        var credential = new Azure.Identity.DefaultAzureCredential();
        return new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(connection.BlobServiceUri, credential, StorageClientSettings.Blobs()),
            StorageServiceClientProvider.ForQueue(connection.QueueServiceUri, credential, QueueOptions()),
            StorageServiceClientProvider.ForTable(connection.TableServiceUri, credential, StorageClientSettings.Tables()));
    }

    /// <summary>The provider encodes its own queue messages; ours are base64 for the Functions queue trigger, its are not.</summary>
    private static Azure.Storage.Queues.QueueClientOptions QueueOptions()
    {
        var options = StorageClientSettings.Queues();
        options.MessageEncoding = Azure.Storage.Queues.QueueMessageEncoding.None;
        return options;
    }
}
