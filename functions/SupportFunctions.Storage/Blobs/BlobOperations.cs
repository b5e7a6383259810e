using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace SupportFunctions.Storage.Blobs;

/// <summary>
/// The blob operations our repositories and services share, on the SDK's <see cref="BlobContainerClient"/>:
/// create-only uploads (an existing blob is a <see cref="StorageConflictException"/>), reads of a missing blob as null,
/// and listings paged with the service's markers. Large and non-seekable uploads are staged in blocks by the SDK.
/// </summary>
public static class BlobOperations
{
    /// <summary>A page of a listing holds at most this many blobs (the service's cap).</summary>
    public const int MaxPageSize = 5000;

    /// <summary>
    /// Uploads a block blob. With <paramref name="overwrite"/> false the upload is create-only (<c>If-None-Match: *</c>)
    /// and an existing blob throws <see cref="StorageConflictException"/>. Returns the new ETag.
    /// </summary>
    public static async Task<string> UploadAsync(this BlobContainerClient container, string blobName, Stream content, string contentType = "application/octet-stream", IReadOnlyDictionary<string, string>? metadata = null, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(content);
        var options = new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = metadata?.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase),
            Conditions = overwrite ? null : new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        try
        {
            var response = await container.GetBlobClient(blobName).UploadAsync(content, options, cancellationToken).ConfigureAwait(false);
            return response.Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (StorageFailures.Translate(ex, $"Upload blob '{container.Name}/{blobName}'") is { } typed)
        {
            throw typed;
        }
    }

    /// <summary>Downloads a blob as a stream from the service; null when it does not exist. The caller disposes the result.</summary>
    public static Task<BlobDownloadStreamingResult?> DownloadOrNullAsync(this BlobContainerClient container, string blobName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(container);
        return NullWhenMissingAsync(container.GetBlobClient(blobName).DownloadStreamingAsync(cancellationToken: cancellationToken));
    }

    /// <summary>A blob's whole content (for the small ones we store: mails, inbound copies); null when it does not exist.</summary>
    public static async Task<byte[]?> ReadAllBytesOrNullAsync(this BlobContainerClient container, string blobName, CancellationToken cancellationToken = default)
    {
        using var download = await container.DownloadOrNullAsync(blobName, cancellationToken).ConfigureAwait(false);
        if (download is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        return copy.ToArray();
    }

    /// <summary>Size, type, version tag and metadata of a blob; null when it does not exist.</summary>
    public static Task<BlobProperties?> GetPropertiesOrNullAsync(this BlobContainerClient container, string blobName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(container);
        return NullWhenMissingAsync(container.GetBlobClient(blobName).GetPropertiesAsync(cancellationToken: cancellationToken));
    }

    /// <summary>Deletes a blob and its snapshots; a missing blob is success.</summary>
    public static Task DeleteIfExistsAsync(this BlobContainerClient container, string blobName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(container);
        return container.DeleteBlobIfExistsAsync(blobName, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Blobs whose names start with <paramref name="prefix"/>, with metadata, a page at a time from a marker (null for the
    /// first). The last page's continuation token is null (the service sends an empty marker).
    /// </summary>
    public static async IAsyncEnumerable<Page<BlobItem>> ListPagesAsync(this BlobContainerClient container, string? prefix = null, int? pageSize = null, string? continuationToken = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"A page holds 1 to {MaxPageSize} blobs.");
        }

        var pages = container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, string.IsNullOrEmpty(prefix) ? null : prefix, cancellationToken)
            .AsPages(string.IsNullOrEmpty(continuationToken) ? null : continuationToken, pageSize);
        await foreach (var page in pages.ConfigureAwait(false))
        {
            yield return string.IsNullOrEmpty(page.ContinuationToken) ? Page<BlobItem>.FromValues(page.Values, null, page.GetRawResponse()) : page;
        }
    }

    /// <summary>Every blob under the prefix, with metadata.</summary>
    public static async IAsyncEnumerable<BlobItem> ListAsync(this BlobContainerClient container, string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(container);
        await foreach (var item in container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, string.IsNullOrEmpty(prefix) ? null : prefix, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    private static async Task<T?> NullWhenMissingAsync<T>(Task<Response<T>> call)
        where T : class
    {
        try
        {
            return (await call.ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
