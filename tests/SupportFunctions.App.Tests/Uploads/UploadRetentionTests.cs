using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Tests.Cases;
using SupportFunctions.App.Tests.Infrastructure;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Tests.Uploads;

/// <summary>
/// An uploader that sends its own retention metadata with the bytes, and PUTs again after the case took the file: the
/// file's data class and expiry are the server's, and the file the case holds does not change.
/// </summary>
public sealed class UploadRetentionTests : IAsyncLifetime
{
    private const string Original = "a,b\n1,2\n3,4\n";
    private SupportApp _app = null!;
    private Customer _customer = null!;

    public async Task InitializeAsync()
    {
        _app = await SupportApp.StartAsync("everbridge");
        _customer = await _app.CustomerAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private BlobContainerClient Files => _app.Services.GetRequiredService<StorageLayout>().Container(StorageLayout.FilesContainer);

    private static async Task PutAsync(JsonElement ticket, string content)
    {
        using var plain = new HttpClient();
        using var put = new HttpRequestMessage(HttpMethod.Put, ticket.GetProperty("uploadUrl").GetString()) { Content = new StringContent(content, Encoding.UTF8) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        // What the uploader would like: kept as audit events until 2099.
        put.Headers.Add("x-ms-meta-dataclass", "auditEvents");
        put.Headers.Add("x-ms-meta-expiresat", "2099-01-01T00:00:00.0000000+00:00");
        var response = await plain.SendAsync(put);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>The one blob under a prefix: its metadata and its content.</summary>
    private async Task<(IDictionary<string, string> Metadata, string Content)> StoredAsync(string prefix)
    {
        var names = new List<string>();
        await foreach (var item in Files.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, CancellationToken.None))
        {
            names.Add(item.Name);
        }

        var blob = Files.GetBlobClient(Assert.Single(names));
        var properties = (await blob.GetPropertiesAsync()).Value;
        var content = (await blob.DownloadContentAsync()).Value.Content.ToString();
        return (properties.Metadata, content);
    }

    private static void AssertServersRetention(IDictionary<string, string> metadata, JsonElement attachment)
    {
        Assert.Equal("uploadedDataFiles", metadata["dataclass"]);
        var expires = DateTimeOffset.Parse(metadata["expiresat"], CultureInfo.InvariantCulture);
        Assert.Equal(attachment.GetProperty("expiresAt").GetDateTimeOffset(), expires);
        Assert.True(expires < DateTimeOffset.UtcNow.AddDays(400), $"expires {expires:O}");
    }

    [Fact]
    public async Task A_case_upload_keeps_the_servers_retention_and_cannot_be_replaced_once_confirmed()
    {
        var number = (await (await _customer.Client.PostCaseAsync(new { subject = "Upload issue", description = "My contact file fails", category = "general-question" })).JsonAsync()).GetProperty("number").GetString();
        var requested = await _customer.Client.PostAsJsonAsync($"/api/cases/{number}/attachments", new { fileName = "contacts.csv", contentType = "text/csv", size = 12 });
        await SupportApp.Expect(requested, HttpStatusCode.Created);
        var ticket = await requested.JsonAsync();
        Assert.DoesNotContain(ticket.GetProperty("headers").EnumerateObject(), h => h.Name.StartsWith("x-ms-meta-", StringComparison.Ordinal));
        var id = ticket.GetProperty("id").GetString();

        await PutAsync(ticket, Original);
        var confirmed = await _customer.Client.PostAsync(new Uri($"/api/cases/{number}/attachments/{id}/confirm", UriKind.Relative), null);
        await SupportApp.Expect(confirmed, HttpStatusCode.OK);
        var attachment = await confirmed.JsonAsync();

        var (metadata, content) = await StoredAsync($"cases/{number}/{id}/");
        AssertServersRetention(metadata, attachment);
        Assert.Equal(Original, content);

        // The same URL again, after the case took the file: the case's file stays as confirmed.
        await PutAsync(ticket, "replaced!!!!");
        await SupportApp.Expect(await _customer.Client.PostAsync(new Uri($"/api/cases/{number}/attachments/{id}/confirm", UriKind.Relative), null), HttpStatusCode.OK);
        Assert.Equal(Original, (await StoredAsync($"cases/{number}/{id}/")).Content);
    }

    [Fact]
    public async Task A_staged_upload_keeps_the_servers_retention_and_cannot_be_replaced_once_its_case_took_it()
    {
        var staged = await _customer.Client.PostAsJsonAsync("/api/uploads", new { fileName = "contacts.csv", contentType = "text/csv", size = 12 });
        await SupportApp.Expect(staged, HttpStatusCode.Created);
        var ticket = await staged.JsonAsync();
        var uploadId = ticket.GetProperty("id").GetString()!;
        await PutAsync(ticket, Original);

        var opened = await _customer.Client.PostCaseAsync(new { subject = "Contacts", description = "See the file", category = "general-question", attachments = new[] { new { uploadId } } });
        await SupportApp.Expect(opened, HttpStatusCode.Created);
        var attachment = Assert.Single((await opened.JsonAsync()).GetProperty("attachments").EnumerateArray());

        var (metadata, content) = await StoredAsync($"staged/contact-{_customer.ContactId}/{uploadId}/");
        AssertServersRetention(metadata, attachment);
        Assert.Equal(Original, content);

        await PutAsync(ticket, "replaced!!!!");
        Assert.Equal(Original, (await StoredAsync($"staged/contact-{_customer.ContactId}/{uploadId}/")).Content);
    }
}
