using System.Net;
using System.Text;
using SupportFunctions.Storage.Blobs;

namespace SupportFunctions.Storage.Tests;

public sealed class BlobContainerClientTests : IAsyncLifetime
{
    private readonly BlobContainerClient _container = new BlobServiceClient(Azurite.Account).GetContainerClient(Azurite.UniqueName("c"));

    public Task InitializeAsync() => _container.CreateIfNotExistsAsync();

    public Task DisposeAsync() => _container.DeleteAsync();

    [Fact]
    public async Task Upload_then_download_streams_content_type_and_metadata()
    {
        var metadata = new Dictionary<string, string> { ["dataclass"] = "upload", ["expires"] = "2026-12-22T00:00:00Z" };
        await _container.UploadAsync("cases/CS-000001/log file.txt", new MemoryStream(Encoding.UTF8.GetBytes("hello ünï")), "text/plain; charset=utf-8", metadata);

        await using var download = await _container.DownloadAsync("cases/CS-000001/log file.txt");
        Assert.NotNull(download);
        Assert.Equal("text/plain; charset=utf-8", download.ContentType);
        Assert.Equal("upload", download.Metadata["dataclass"]);
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
        await using var download = await _container.DownloadAsync("once.txt");
        var buffer = new MemoryStream();
        await download!.Content.CopyToAsync(buffer);
        Assert.Equal(new byte[] { 3 }, buffer.ToArray());
    }

    [Fact]
    public async Task A_non_seekable_stream_larger_than_a_block_is_staged_and_committed()
    {
        var data = new byte[BlobContainerClient.BlockSize + 12345];
        Random.Shared.NextBytes(data);
        await _container.UploadAsync("big.bin", new NonSeekableStream(data));

        var properties = await _container.GetPropertiesAsync("big.bin");
        Assert.Equal(data.Length, properties!.ContentLength);
        await using var download = await _container.DownloadAsync("big.bin");
        var copy = new MemoryStream();
        await download!.Content.CopyToAsync(copy);
        Assert.Equal(data, copy.ToArray());
    }

    [Fact]
    public async Task Download_and_properties_of_a_missing_blob_are_null_and_delete_is_idempotent()
    {
        Assert.Null(await _container.DownloadAsync("missing"));
        Assert.Null(await _container.GetPropertiesAsync("missing"));
        await _container.UploadAsync("gone", new MemoryStream([1]));
        await _container.DeleteBlobAsync("gone");
        await _container.DeleteBlobAsync("gone");
        Assert.Null(await _container.GetPropertiesAsync("gone"));
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
        var items = pages.SelectMany(p => p.Items).ToList();
        Assert.Equal(7, items.Count);
        Assert.All(items, b => Assert.StartsWith("a/", b.Name, StringComparison.Ordinal));
        Assert.Equal("3", items.Single(b => b.Name == "a/3").Metadata["n"]);
    }

    [Fact]
    public async Task A_sas_upload_url_works_from_a_plain_http_client_and_is_create_only_and_write_only()
    {
        var uploadUrl = _container.GenerateSasUri("sas/upload.bin", BlobSasPermissions.Create | BlobSasPermissions.Write, DateTimeOffset.UtcNow.AddMinutes(5));
        using var http = new HttpClient();

        using var put = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = new ByteArrayContent([9, 8, 7]) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        var uploaded = await http.SendAsync(put);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        Assert.Equal(3, (await _container.GetPropertiesAsync("sas/upload.bin"))!.ContentLength);

        var read = await http.GetAsync(uploadUrl);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);

        using var delete = new HttpRequestMessage(HttpMethod.Delete, uploadUrl);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(delete)).StatusCode);
        Assert.NotNull(await _container.GetPropertiesAsync("sas/upload.bin"));
    }

    [Fact]
    public async Task A_sas_read_url_downloads_and_an_expired_one_is_refused()
    {
        await _container.UploadAsync("sas/read.txt", new MemoryStream(Encoding.UTF8.GetBytes("readable")), "text/plain");
        using var http = new HttpClient();

        var readUrl = _container.GenerateSasUri("sas/read.txt", BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Equal("readable", await http.GetStringAsync(readUrl));

        var expired = _container.GenerateSasUri("sas/read.txt", BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(-10));
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(expired)).StatusCode);

        var otherBlob = new Uri(readUrl.AbsoluteUri.Replace("read.txt", "other.txt", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(otherBlob)).StatusCode);
    }

    [Fact]
    public void Sas_permissions_are_written_in_canonical_order()
    {
        Assert.Equal("racwd", BlobSas.Permissions(BlobSasPermissions.Delete | BlobSasPermissions.Write | BlobSasPermissions.Create | BlobSasPermissions.Add | BlobSasPermissions.Read));
        Assert.Equal("cw", BlobSas.Permissions(BlobSasPermissions.Write | BlobSasPermissions.Create));
    }

    [Fact]
    public void Container_names_the_service_refuses_are_refused_here()
    {
        var service = new BlobServiceClient(Azurite.Account);
        Assert.Throws<ArgumentException>(() => service.GetContainerClient("Upper"));
        Assert.Throws<ArgumentException>(() => service.GetContainerClient("a--b"));
        Assert.Throws<ArgumentException>(() => service.GetContainerClient("ab"));
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
