using Azure.Core;

namespace SupportFunctions.Storage;

/// <summary>Retries only what the storage services document as transient: 408, 429, 500, 503 and transport failures.</summary>
internal sealed class StorageResponseClassifier : ResponseClassifier
{
    public static readonly StorageResponseClassifier Instance = new();

    public override bool IsRetriableResponse(HttpMessage message) => message.Response.Status is 408 or 429 or 500 or 503;

    // Every status is handled by the clients themselves, which know which ones they tolerate (404 on delete, 409 on create).
    public override bool IsErrorResponse(HttpMessage message) => false;
}
