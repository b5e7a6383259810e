using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace SupportFunctions.Storage;

/// <summary>
/// The SDK client options every storage client of ours is built with: the service versions we speak, retries and
/// timeouts, the request counter, and base64 queue messages. One place, so tests exercise what Azure gets.
/// </summary>
public static class StorageClientSettings
{
    /// <summary>
    /// Azure.Storage.Blobs 12.30 and Queues 12.28 default to 2026-10-06, which Azurite 3.37 refuses (InvalidHeaderValue);
    /// 2026-06-06 is the newest both Azure and Azurite serve, so we pin it instead of starting Azurite with --skipApiVersionCheck.
    /// </summary>
    public const BlobClientOptions.ServiceVersion BlobVersion = BlobClientOptions.ServiceVersion.V2026_06_06;

    /// <inheritdoc cref="BlobVersion"/>
    public const QueueClientOptions.ServiceVersion QueueVersion = QueueClientOptions.ServiceVersion.V2026_06_06;

    public static TableClientOptions Tables(bool probe = false) => Apply(new TableClientOptions(), "table", probe);

    public static BlobClientOptions Blobs(bool probe = false) => Apply(new BlobClientOptions(BlobVersion), "blob", probe);

    /// <summary>Base64 message text: what the Azure Functions queue trigger reads and writes by default.</summary>
    public static QueueClientOptions Queues(bool probe = false)
    {
        var options = Apply(new QueueClientOptions(QueueVersion), "queue", probe);
        options.MessageEncoding = QueueMessageEncoding.Base64;
        return options;
    }

    /// <summary>
    /// Exponential retries for ordinary work; a readiness probe gets none and a short network timeout, because it must
    /// answer quickly and say which service failed rather than wait out the retry policy.
    /// </summary>
    private static T Apply<T>(T options, string service, bool probe)
        where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = probe ? 0 : 5;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(10);
        options.Retry.NetworkTimeout = probe ? TimeSpan.FromSeconds(3) : TimeSpan.FromSeconds(100);
        options.Diagnostics.IsLoggingContentEnabled = false;
        options.Diagnostics.IsTelemetryEnabled = false;
        options.Diagnostics.ApplicationId = "SupportFunctions";
        options.AddPolicy(new StorageUnreachablePolicy(service), HttpPipelinePosition.PerCall);
        options.AddPolicy(new StorageMetrics.RequestCounter(service), HttpPipelinePosition.PerRetry);
        return options;
    }
}
