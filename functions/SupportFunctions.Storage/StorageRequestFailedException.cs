namespace SupportFunctions.Storage;

/// <summary>
/// The one exception the storage clients throw for a service answer the caller did not ask to tolerate.
/// Carries the HTTP status, the storage error code and the request id for support tickets with Azure.
/// </summary>
public class StorageRequestFailedException : Exception
{
    public StorageRequestFailedException()
    {
    }

    public StorageRequestFailedException(string message)
        : base(message)
    {
    }

    public StorageRequestFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StorageRequestFailedException(int status, string? errorCode, string? requestId, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
        RequestId = requestId;
    }

    /// <summary>HTTP status; 0 when the service could not be reached at all.</summary>
    public int Status { get; }

    /// <summary>The service's error code, e.g. <c>EntityAlreadyExists</c>, <c>UpdateConditionNotSatisfied</c>.</summary>
    public string? ErrorCode { get; }

    public string? RequestId { get; }
}
