namespace SupportFunctions.App;

/// <summary>Source-generated log messages. Event ids are stable: dashboards and alerts key on them, so never renumber.</summary>
internal static partial class Logs
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "SupportFunctions listening; storage account {AccountName}, mode {HostingMode}")]
    public static partial void Started(ILogger logger, string accountName, string hostingMode);

    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Storage probe for {Service} failed: status {Status}, code {ErrorCode}")]
    public static partial void StorageProbeFailed(ILogger logger, string service, int status, string? errorCode);

    [LoggerMessage(EventId = 1200, Level = LogLevel.Error, Message = "Storage request failed while serving {Path}: status {Status}, code {ErrorCode}, request id {RequestId}")]
    public static partial void StorageFailed(ILogger logger, Exception exception, string path, int status, string? errorCode, string? requestId);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Error, Message = "Unhandled failure while serving {Path}")]
    public static partial void Unhandled(ILogger logger, Exception exception, string path);
}
