namespace SupportFunctions.Storage.Blobs;

/// <summary>A downloaded blob: the caller owns and must dispose <see cref="Content"/>, which streams from the service.</summary>
public sealed class BlobDownload(Stream content, long contentLength, string? contentType, string? etag, IReadOnlyDictionary<string, string> metadata) : IAsyncDisposable, IDisposable
{
    public Stream Content { get; } = content;

    public long ContentLength { get; } = contentLength;

    public string? ContentType { get; } = contentType;

    public string? ETag { get; } = etag;

    public IReadOnlyDictionary<string, string> Metadata { get; } = metadata;

    public ValueTask DisposeAsync() => Content.DisposeAsync();

    public void Dispose() => Content.Dispose();
}
