namespace SupportFunctions.Storage.Repositories;

/// <summary>A file a caller is uploading (or has uploaded) before it is attached to a case.</summary>
public sealed record StagedUpload(
    string Owner,
    string Id,
    string FileName,
    string ContentType,
    long DeclaredSize,
    string? Kind,
    string BlobName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    string DataClass);
