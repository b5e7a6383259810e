namespace SupportFunctions.Storage.Tables;

/// <summary>An entity group transaction was rejected as a whole; <see cref="FailedIndex"/> names the operation at fault.</summary>
public sealed class TableTransactionFailedException : StorageRequestFailedException
{
    public TableTransactionFailedException(int status, string? errorCode, string? requestId, int? failedIndex, string message)
        : base(status, errorCode, requestId, message)
    {
        FailedIndex = failedIndex;
    }

    public int? FailedIndex { get; }
}
