namespace SupportFunctions.Storage.Blobs;

/// <summary>A blob as listed: name, size, type, version tag, time, and its metadata.</summary>
public sealed record BlobItem(
    string Name,
    long ContentLength,
    string? ContentType,
    string? ETag,
    DateTimeOffset? LastModified,
    IReadOnlyDictionary<string, string> Metadata);
