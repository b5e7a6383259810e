using Azure.Storage.Blobs;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.Storage.Blobs;

/// <summary>A blob as retention sees it: its name, its metadata (data class, expiry, case) and when it was last written.</summary>
public sealed record RetainedBlob(string Name, IReadOnlyDictionary<string, string> Metadata, DateTimeOffset? LastModified);

/// <summary>The blobs of one container, a page at a time, and their deletion — for the retention purge, which judges each blob.</summary>
public sealed class RetainedBlobs(StorageLayout layout, string containerName)
{
    private BlobContainerClient Container => layout.Container(containerName);

    /// <summary>One page of blobs with their metadata and the token of the next (null: the last).</summary>
    public async Task<(IReadOnlyList<RetainedBlob> Blobs, string? Continuation)> ReadPageAsync(int pageSize, string? continuation, CancellationToken cancellationToken)
    {
        await foreach (var page in Container.ListPagesAsync(null, pageSize, continuation, cancellationToken))
        {
            return (page.Values.Select(b => new RetainedBlob(b.Name, b.Metadata.ToDictionary(StringComparer.Ordinal), b.Properties.LastModified)).ToList(), page.ContinuationToken);
        }

        return ([], null);
    }

    /// <summary>Deletes the blobs, <paramref name="parallelism"/> at once; one already gone is success.</summary>
    public Task DeleteAsync(IReadOnlyList<string> names, int parallelism, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken }, async (name, token) =>
            await Container.DeleteIfExistsAsync(name, token));
}
