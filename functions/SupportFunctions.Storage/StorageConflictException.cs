using Azure;

namespace SupportFunctions.Storage;

/// <summary>409: the entity or blob already exists (create-only operations), or a uniqueness rule of ours was broken.</summary>
public sealed class StorageConflictException : RequestFailedException
{
    public StorageConflictException(string? errorCode, string message, Exception? innerException = null)
        : base(409, message, errorCode, innerException)
    {
    }
}
