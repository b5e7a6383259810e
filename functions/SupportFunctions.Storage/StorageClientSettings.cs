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
    /// How long one try of a storage call waits for an answer. Storage answers a table or queue call in milliseconds and
    /// streams blob data well within it; a store that accepts the connection and then says nothing (stalled, overloaded,
    /// paused) is given up on after this, instead of the SDK's 100 s.
    /// </summary>
    public static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Tries after the first; with <see cref="NetworkTimeout"/> they bound one call at <see cref="CallDeadline"/>.</summary>
    public const int MaxRetries = 2;

    /// <summary>
    /// The longest one storage call waits before it fails as unavailable (every try timed out, plus the backoff between
    /// them): a request answers 503 + Retry-After within this of its first unanswered call.
    /// </summary>
    public static TimeSpan CallDeadline => (NetworkTimeout * (MaxRetries + 1)) + TimeSpan.FromMilliseconds(200 + 400);

    /// <summary>
    /// Exponential retries for ordinary work, each try bounded by <see cref="NetworkTimeout"/>; a readiness probe gets
    /// none and a shorter timeout, because it must answer quickly and say which service failed.
    /// </summary>
    private static T Apply<T>(T options, string service, bool probe)
        where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = probe ? 0 : MaxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = probe ? TimeSpan.FromSeconds(3) : NetworkTimeout;
        options.Diagnostics.IsLoggingContentEnabled = false;
        options.Diagnostics.IsTelemetryEnabled = false;
        options.Diagnostics.ApplicationId = "SupportFunctions";
        options.AddPolicy(new StorageUnreachablePolicy(service), HttpPipelinePosition.PerCall);
        options.AddPolicy(new StorageMetrics.RequestCounter(service), HttpPipelinePosition.PerRetry);
        return options;
    }
}
