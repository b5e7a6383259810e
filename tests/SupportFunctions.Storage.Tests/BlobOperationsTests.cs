using System.Text;
using Azure.Storage.Blobs;
using SupportFunctions.Storage.Blobs;

namespace SupportFunctions.Storage.Tests;

/// <summary>Our blob operations on the SDK's BlobContainerClient, against Azurite (SAS URLs: BlobUrlSignerTests).</summary>
public sealed class BlobOperationsTests : IAsyncLifetime
{
    private readonly BlobContainerClient _container = new BlobServiceClient(Azurite.ConnectionString, StorageClientSettings.Blobs()).GetBlobContainerClient(Azurite.UniqueName("c"));

    public Task InitializeAsync() => _container.CreateIfNotExistsAsync();

    public Task DisposeAsync() => _container.DeleteAsync();

    [Fact]
    public async Task Upload_then_download_streams_content_type_and_metadata()
    {
        var metadata = new Dictionary<string, string> { ["dataclass"] = "upload", ["expires"] = "2026-12-22T00:00:00Z" };
        await _container.UploadAsync("cases/CS-000001/log file.txt", new MemoryStream(Encoding.UTF8.GetBytes("hello ünï")), "text/plain; charset=utf-8", metadata);

        using var download = await _container.DownloadOrNullAsync("cases/CS-000001/log file.txt");
        Assert.NotNull(download);
        Assert.Equal("text/plain; charset=utf-8", download.Details.ContentType);
        Assert.Equal("upload", download.Details.Metadata["dataclass"]);
        using var reader = new StreamReader(download.Content);
        Assert.Equal("hello ünï", await reader.ReadToEndAsync());
    }

    [Fact]
    public async Task Upload_is_create_only_unless_overwrite_is_asked()
    {
        await _container.UploadAsync("once.txt", new MemoryStream([1]));
        var error = await Assert.ThrowsAsync<StorageConflictException>(() => _container.UploadAsync("once.txt", new MemoryStream([2])));
        Assert.Equal(409, error.Status);

        await _container.UploadAsync("once.txt", new MemoryStream([3]), overwrite: true);
        using var download = await _container.DownloadOrNullAsync("once.txt");
        var buffer = new MemoryStream();
        await download!.Content.CopyToAsync(buffer);
        Assert.Equal(new byte[] { 3 }, buffer.ToArray());
    }

    [Fact]
    public async Task A_non_seekable_stream_larger_than_a_block_is_staged_and_committed()
    {
        var data = new byte[(8 * 1024 * 1024) + 12345];
        Random.Shared.NextBytes(data);
        await _container.UploadAsync("big.bin", new NonSeekableStream(data));

        var properties = await _container.GetPropertiesOrNullAsync("big.bin");
        Assert.Equal(data.Length, properties!.ContentLength);
        using var download = await _container.DownloadOrNullAsync("big.bin");
        var copy = new MemoryStream();
        await download!.Content.CopyToAsync(copy);
        Assert.Equal(data, copy.ToArray());
    }

    [Fact]
    public async Task Download_and_properties_of_a_missing_blob_are_null_and_delete_is_idempotent()
    {
        Assert.Null(await _container.DownloadOrNullAsync("missing"));
        Assert.Null(await _container.GetPropertiesOrNullAsync("missing"));
        await _container.UploadAsync("gone", new MemoryStream([1]));
        await _container.DeleteIfExistsAsync("gone");
        await _container.DeleteIfExistsAsync("gone");
        Assert.Null(await _container.GetPropertiesOrNullAsync("gone"));
    }

    [Fact]
    public async Task List_by_prefix_pages_through_every_match_with_metadata()
    {
        for (var i = 0; i < 7; i++)
        {
            await _container.UploadAsync($"a/{i}", new MemoryStream([1]), metadata: new Dictionary<string, string> { ["n"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        await _container.UploadAsync("b/other", new MemoryStream([1]));

        var pages = await _container.ListPagesAsync("a/", pageSize: 3).ToListAsync();
        Assert.Equal(3, pages.Count);
        Assert.NotNull(pages[0].ContinuationToken);
        Assert.Null(pages[^1].ContinuationToken);
        var items = pages.SelectMany(p => p.Values).ToList();
        Assert.Equal(7, items.Count);
        Assert.All(items, b => Assert.StartsWith("a/", b.Name, StringComparison.Ordinal));
        Assert.Equal("3", items.Single(b => b.Name == "a/3").Metadata["n"]);
    }

    private sealed class NonSeekableStream(byte[] data) : Stream
    {
        private readonly MemoryStream _inner = new(data);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 65536));

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
