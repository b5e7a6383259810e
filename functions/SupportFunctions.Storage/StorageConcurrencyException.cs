using Azure;

namespace SupportFunctions.Storage;

/// <summary>412: the ETag given in If-Match no longer matches; someone else changed the item first.</summary>
public sealed class StorageConcurrencyException : RequestFailedException
{
    public StorageConcurrencyException(string? errorCode, string message, Exception? innerException = null)
        : base(412, message, errorCode, innerException)
    {
    }
}
