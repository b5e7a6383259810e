namespace SupportFunctions.App.Durable;

/// <summary>
/// <c>SupportFunctions:Durable</c>: the task hub and the Durable Task Azure Storage provider's tuning for the standalone
/// service. The provider's defaults are tuned for Azure (4 partitions, 30 s maximum idle polling); a laptop or a 2-core
/// VM on Azurite wants one partition (one control queue to poll, one lease to take) and a 1 s poll ceiling, so a durable
/// timer fires within a second of its due time rather than up to 30 s later. In Azure, host.json's durableTask section
/// sets the Functions extension's equivalents.
/// </summary>
public sealed class DurableOptions
{
    public const string Section = "SupportFunctions:Durable";

    /// <summary>Task hub name (letters and digits, 3–45, starting with a letter); default: "supportfunctions" plus the storage prefix.</summary>
    public string? HubName { get; set; }

    public int PartitionCount { get; set; } = 1;

    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int ControlQueueBatchSize { get; set; } = 32;

    public int MaxConcurrentActivities { get; set; } = 8;

    public int MaxConcurrentOrchestrations { get; set; } = 8;

    /// <summary>
    /// How long an activity message stays hidden while it runs: after a crash, the activity is run again this much
    /// later. It must exceed the longest activity (a purge page), because the sidecar's dispatcher does not renew it.
    /// The provider's default, 5 minutes.
    /// </summary>
    public TimeSpan WorkItemVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
