namespace SupportFunctions.Storage;

/// <summary>409: the entity, blob, queue or container already exists (create-only operations).</summary>
public sealed class StorageConflictException : StorageRequestFailedException
{
    public StorageConflictException(string? errorCode, string? requestId, string message)
        : base(409, errorCode, requestId, message)
    {
    }
}
