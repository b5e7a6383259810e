namespace SupportFunctions.Storage.Blobs;

/// <summary>One page of a blob listing; <see cref="ContinuationToken"/> (the service's marker) is null on the last page.</summary>
public sealed record BlobPage(IReadOnlyList<BlobItem> Items, string? ContinuationToken);
