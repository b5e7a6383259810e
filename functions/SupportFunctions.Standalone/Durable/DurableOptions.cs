using SupportFunctions.App.Durable;

namespace SupportFunctions.Standalone.Durable;

/// <summary>
/// <c>SupportFunctions:Durable</c>: the task hub and the tuning of the standalone durable engine (DurableTask.Core's
/// <c>TaskHubWorker</c> over the Durable Task Azure Storage provider). The provider's defaults are tuned for a Functions
/// app on Azure; a laptop or a 2-core VM on Azurite, and a few service instances sharing one hub, want the values below.
/// In Azure Functions, host.json's durableTask section sets the extension's equivalents.
/// </summary>
public sealed class DurableOptions
{
    public const string Section = "SupportFunctions:Durable";

    /// <summary>Task hub name (letters and digits, 3–45, starting with a letter); default: "supportfunctions" plus the storage prefix.</summary>
    public string? HubName { get; set; }

    /// <summary>
    /// This process's name in the hub's partition leases; default: host name, process id and a random suffix, so two
    /// instances on one host (or a restarted one whose old lease has not expired) are never taken for one owner.
    /// Set it only to a value unique per running process.
    /// </summary>
    public string? WorkerId { get; set; }

    /// <summary>
    /// Control queues (and leases) of the hub, fixed when the hub is created. One suits a single instance on Azurite (one
    /// queue to poll); with several instances, each owns some partitions, so up to this many share the orchestrations.
    /// </summary>
    public int PartitionCount { get; set; } = 1;

    /// <summary>The idle polling ceiling: a durable timer fires at most this much after it is due (provider default 30 s).</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int ControlQueueBatchSize { get; set; } = 32;

    public int MaxConcurrentActivities { get; set; } = 8;

    /// <summary>
    /// Orchestration work items in flight. An extended session keeps its slot while it waits for the instance's next
    /// message, so this is set well above the activity count; orchestrator code itself only decides and is cheap.
    /// </summary>
    public int MaxConcurrentOrchestrations { get; set; } = 64;

    /// <summary>
    /// Keep an orchestration's history in memory between its steps (a timer fires, its activity answers, the next round
    /// begins) instead of reading it from the history table at each step.
    /// </summary>
    public bool ExtendedSessions { get; set; } = true;

    /// <summary>How long an idle extended session keeps its slot; an SLA round's steps follow each other within a second.</summary>
    public TimeSpan ExtendedSessionIdleTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a dequeued activity or orchestration message stays hidden. The engine renews it while the work runs, so
    /// this only bounds how soon the work a killed process had taken is seen again (provider default 5 minutes).
    /// </summary>
    public TimeSpan WorkItemVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A partition lease's length. A process that dies without releasing its leases leaves its partitions unowned this
    /// long at most, then another instance (or its restart) takes them; the owner renews every third of it.
    /// </summary>
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(15);
}
