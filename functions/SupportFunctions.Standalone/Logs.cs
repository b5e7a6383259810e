namespace SupportFunctions.Standalone;

/// <summary>
/// What the standalone host logs: its start, its durable engine, its pollers and schedules. Event ids are stable (these kept
/// theirs from when they lived in the app): dashboards and alerts key on them, so never renumber.
/// </summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "SupportFunctions listening; storage account {AccountName}")]
    public static partial void Started(ILogger logger, string accountName);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Polling queue {Queue} failed: status {Status}, code {ErrorCode}")]
    public static partial void QueuePollFailed(ILogger logger, string queue, int status, string? errorCode);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "Timer reconciliation failed: status {Status}, code {ErrorCode}")]
    public static partial void ReconcileFailed(ILogger logger, int status, string? errorCode);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Scheduled purge could not start: storage answered {Status} {ErrorCode}")]
    public static partial void PurgeScheduleFailed(ILogger logger, int status, string? errorCode);

    [LoggerMessage(EventId = 7300, Level = LogLevel.Warning, Message = "Durable task hub {HubName} cannot be created yet ({Reason}); case orchestrations start once storage answers")]
    public static partial void DurableBackendWaiting(ILogger logger, string hubName, string reason);

    [LoggerMessage(EventId = 7301, Level = LogLevel.Warning, Message = "Durable task hub {HubName} did not release its partition leases within {Timeout} at shutdown; the next process takes them over when they expire")]
    public static partial void DurableLeasesNotReleased(ILogger logger, string hubName, TimeSpan timeout);

    [LoggerMessage(EventId = 7302, Level = LogLevel.Information, Message = "Durable engine running task hub {HubName} as worker {WorkerId}")]
    public static partial void DurableEngineStarted(ILogger logger, string hubName, string workerId);
}
