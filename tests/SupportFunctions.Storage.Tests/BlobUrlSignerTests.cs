using System.Net;
using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using SupportFunctions.Storage;
using SupportFunctions.Storage.Blobs;

namespace SupportFunctions.Storage.Tests;

/// <summary>The upload URLs we hand to customers, signed with the SDK's BlobSasBuilder, used from a plain HTTP client against Azurite.</summary>
public sealed class BlobUrlSignerTests : IAsyncLifetime, IDisposable
{
    private readonly BlobServiceClient _service = new(Azurite.ConnectionString, StorageClientSettings.Blobs());
    private readonly BlobContainerClient _container;
    private readonly BlobUrlSigner _signer;
    private readonly HttpClient _http = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(60));

    public BlobUrlSignerTests()
    {
        _container = _service.GetBlobContainerClient("sas-" + Guid.NewGuid().ToString("N")[..16]);
        _signer = new BlobUrlSigner(_service, TimeProvider.System);
    }

    public Task InitializeAsync() => _container.CreateIfNotExistsAsync();

    public Task DisposeAsync() => _container.DeleteAsync();

    public void Dispose()
    {
        _signer.Dispose();
        _http.Dispose();
        _timeout.Dispose();
    }

    [Fact]
    public async Task A_create_and_write_url_uploads_once_from_a_plain_http_client_and_cannot_read_or_delete()
    {
        var url = await _signer.SignAsync(_container, "sas/upload.bin", BlobSasPermissions.Create | BlobSasPermissions.Write, DateTimeOffset.UtcNow.AddMinutes(5), Timeout());

        using var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent([9, 8, 7]) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        Assert.Equal(HttpStatusCode.Created, (await _http.SendAsync(put)).StatusCode);
        Assert.Equal(3, (await _container.GetPropertiesOrNullAsync("sas/upload.bin"))!.ContentLength);

        Assert.Equal(HttpStatusCode.Forbidden, (await _http.GetAsync(url)).StatusCode);
        using var delete = new HttpRequestMessage(HttpMethod.Delete, url);
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.SendAsync(delete)).StatusCode);
        Assert.NotNull(await _container.GetPropertiesOrNullAsync("sas/upload.bin"));
    }

    [Fact]
    public async Task A_read_url_downloads_only_its_own_blob_and_an_expired_one_is_refused()
    {
        await _container.UploadAsync("sas/read.txt", new MemoryStream(Encoding.UTF8.GetBytes("readable")), "text/plain");

        var readUrl = await _signer.SignAsync(_container, "sas/read.txt", BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddMinutes(5), Timeout());
        Assert.Equal("readable", await _http.GetStringAsync(readUrl));

        var expired = await _signer.SignAsync(_container, "sas/read.txt", BlobSasPermissions.Read, DateTimeOffset.UtcNow.AddMinutes(-1), Timeout());
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.GetAsync(expired)).StatusCode);

        var otherBlob = new Uri(readUrl.AbsoluteUri.Replace("read.txt", "other.txt", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.GetAsync(otherBlob)).StatusCode);
    }

    private CancellationToken Timeout() => _timeout.Token;
}
