namespace SupportFunctions.Storage;

/// <summary>412: the ETag given in If-Match (or If-None-Match) no longer matches; someone else changed the item first.</summary>
public sealed class StorageConcurrencyException : StorageRequestFailedException
{
    public StorageConcurrencyException(string? errorCode, string? requestId, string message)
        : base(412, errorCode, requestId, message)
    {
    }
}
