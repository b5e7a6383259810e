using Azure.Core;

namespace SupportFunctions.Storage;

/// <summary>Pipeline settings for the storage clients: exponential retries by default.</summary>
public sealed class StorageClientOptions : ClientOptions
{
    public StorageClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 5;
        Retry.Delay = TimeSpan.FromMilliseconds(200);
        Retry.MaxDelay = TimeSpan.FromSeconds(10);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
        Diagnostics.IsLoggingContentEnabled = false;
        Diagnostics.IsTelemetryEnabled = false;
        Diagnostics.ApplicationId = "SupportFunctions";
    }
}
