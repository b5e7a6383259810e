using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using SupportFunctions.Storage;

namespace SupportFunctions.Benchmarks;

/// <summary>
/// The ceiling: the same requests our clients send, built and signed by hand on one HttpClient with nothing else in
/// the way (no pipeline, no retries, no parsing beyond the status).
/// </summary>
public sealed class RawStorageRequests(StorageAccount account) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
    private readonly StorageSharedKeyCredential _key = account.SharedKey!;

    public async Task InsertEntityAsync(string table, string partitionKey, string rowKey, byte[] json)
    {
        var uri = new Uri($"{account.TableEndpoint.AbsoluteUri.TrimEnd('/')}/{table}");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(json) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        TableHeaders(request, "POST", "application/json", uri);
        request.Headers.Add("Prefer", "return-no-content");
        using var response = await _http.SendAsync(request);
        Expect(response, 204, $"insert {partitionKey}/{rowKey}");
    }

    public async Task GetEntityAsync(string table, string partitionKey, string rowKey)
    {
        var uri = new Uri($"{account.TableEndpoint.AbsoluteUri.TrimEnd('/')}/{table}(PartitionKey='{partitionKey}',RowKey='{rowKey}')");
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        TableHeaders(request, "GET", string.Empty, uri);
        using var response = await _http.SendAsync(request);
        Expect(response, 200, "get");
        await response.Content.ReadAsByteArrayAsync();
    }

    public async Task SendMessageAsync(string queue, string text)
    {
        var uri = new Uri($"{account.QueueEndpoint.AbsoluteUri.TrimEnd('/')}/{queue}/messages?visibilitytimeout=0&messagettl=-1");
        var body = Encoding.UTF8.GetBytes($"<QueueMessage><MessageText>{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}</MessageText></QueueMessage>");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/xml");
        var date = DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture);
        request.Headers.Add("x-ms-date", date);
        request.Headers.Add("x-ms-version", "2025-05-05");
        var stringToSign = $"POST\n\n\n{body.Length}\n\napplication/xml\n\n\n\n\n\n\nx-ms-date:{date}\nx-ms-version:2025-05-05\n/{_key.AccountName}{uri.AbsolutePath}\nmessagettl:-1\nvisibilitytimeout:0";
        request.Headers.TryAddWithoutValidation("Authorization", $"SharedKey {_key.AccountName}:{_key.Sign(stringToSign)}");
        using var response = await _http.SendAsync(request);
        Expect(response, 201, "send");
    }

    public void Dispose() => _http.Dispose();

    private void TableHeaders(HttpRequestMessage request, string verb, string contentType, Uri uri)
    {
        var date = DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture);
        request.Headers.Add("x-ms-date", date);
        request.Headers.Add("x-ms-version", "2019-02-02");
        request.Headers.Add("Accept", "application/json;odata=minimalmetadata");
        request.Headers.Add("DataServiceVersion", "3.0;NetFx");
        request.Headers.Add("MaxDataServiceVersion", "3.0;NetFx");
        var stringToSign = $"{verb}\n\n{contentType}\n{date}\n/{_key.AccountName}{uri.AbsolutePath}";
        request.Headers.TryAddWithoutValidation("Authorization", $"SharedKey {_key.AccountName}:{_key.Sign(stringToSign)}");
    }

    private static void Expect(HttpResponseMessage response, int status, string what)
    {
        if ((int)response.StatusCode != status)
        {
            throw new InvalidOperationException($"Raw {what} answered {(int)response.StatusCode}.");
        }
    }
}
