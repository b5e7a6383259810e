using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SupportFunctions.App.Tests.Cases;
using SupportFunctions.App.Tests.Infrastructure;

namespace SupportFunctions.App.Tests.Hosting;

/// <summary>
/// Input a client should not send, against the service on Kestrel as it runs: each gets the 4xx problem details that
/// name what is wrong, never a 500, and never Kestrel's bare status.
/// </summary>
public sealed class HostileInputTests(HostileInputTests.Service service) : IClassFixture<HostileInputTests.Service>
{
    private const string CaseJson = """{"subject":"SUBJECT","description":"Queues route slowly","category":"technical-problem","severity":3,"fields":{"businessImpact":"Long waits"}}""";

    public sealed class Service : IAsyncLifetime
    {
        public const string EmailSecret = "hostile-input-secret";
        private ChildService? _child;

        public HttpClient Customer { get; private set; } = null!;

        public HttpClient Admin { get; private set; } = null!;

        public HttpClient Anonymous { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var (customer, settings) = await ChildService.SeedAsync("purecloud", s =>
            {
                s["SupportFunctions:Inbound:EmailSecret"] = EmailSecret;
                s["SupportFunctions:Inbound:MaxEmailBytes"] = (1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
            });
            _child = await ChildService.StartAsync(settings, TestTimeout.Token(90));
            Customer = _child.Client(customer.Key);
            Admin = _child.Client(SupportAppFactory.BootstrapKey);
            Anonymous = new HttpClient { BaseAddress = _child.Address };
        }

        public Task DisposeAsync()
        {
            Customer.Dispose();
            Admin.Dispose();
            Anonymous.Dispose();
            _child?.Dispose();
            return Task.CompletedTask;
        }
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private static ByteArrayContent Json(byte[] body, string contentType = "application/json")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    [Fact]
    public async Task A_chunked_inbound_mail_over_the_limit_is_413()
    {
        // No Content-Length: the limit is only met while reading.
        var boundary = "hostile";
        var head = Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n");
        var content = new StreamContent(new ChunkedBody(head, 2 * 1024 * 1024));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={boundary}");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/inbound/email/{Service.EmailSecret}") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var problem = await ProblemAsync(await service.Anonymous.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1048576", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xC3, 0x28 }, "invalid UTF-8 bytes")]
    [InlineData(new byte[] { 0x5C, 0x75, 0x64, 0x38, 0x30, 0x30 }, "a lone surrogate \\ud800")]
    public async Task Text_that_is_not_text_is_400_naming_where_it_is(byte[] inSubject, string what)
    {
        var json = Encoding.UTF8.GetBytes(CaseJson);
        var at = CaseJson.IndexOf("SUBJECT", StringComparison.Ordinal);
        var body = json[..at].Concat(inSubject).Concat(json[(at + "SUBJECT".Length)..]).ToArray();

        var problem = await ProblemAsync(await service.Customer.PostAsync(new Uri("/api/cases", UriKind.Relative), Json(body)), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("detail").GetString()!.Contains("$.subject", StringComparison.Ordinal), $"{what}: {problem}");
    }

    [Fact]
    public async Task Json_declared_in_another_charset_is_415()
    {
        var body = Encoding.Unicode.GetBytes(CaseJson.Replace("SUBJECT", "UTF-16", StringComparison.Ordinal));
        var problem = await ProblemAsync(await service.Customer.PostAsync(new Uri("/api/cases", UriKind.Relative), Json(body, "application/json; charset=utf-16")), HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("utf-16", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/cases?pageSize=99999999999999999999", "pageSize", false)]
    [InlineData("/api/cases?pageSize=abc", "pageSize", false)]
    [InlineData("/api/admin/outbox?limit=2147483648", "limit", true)]
    [InlineData("/api/cases?continuationToken=%27%20or%20true", "continuationToken", false)]
    public async Task A_query_value_that_cannot_be_read_is_400_naming_it(string path, string field, bool admin)
    {
        var problem = await ProblemAsync(await (admin ? service.Admin : service.Customer).GetAsync(new Uri(path, UriKind.Relative)), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("/api/cases?sort=due", "sort", "known: accountId, continuationToken, pageSize, status, view")]
    [InlineData("/api/cases?view=mine&q=SMS", "q", "known: accountId, continuationToken, pageSize, status, view")]
    [InlineData("/api/health?verbose=true", "verbose", "takes no query parameters")]
    public async Task A_query_parameter_the_endpoint_does_not_take_is_422_naming_it(string path, string field, string rule)
    {
        var problem = await ProblemAsync(await service.Customer.GetAsync(new Uri(path, UriKind.Relative)), HttpStatusCode.UnprocessableEntity);
        Assert.Contains(rule, problem.ErrorsFor(field).Single(), StringComparison.Ordinal);
        // The parameters it does take still work, in any case of letters.
        Assert.Equal(HttpStatusCode.OK, (await service.Customer.GetAsync(new Uri("/api/cases?View=mine&pagesize=5", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_multipart_upload_without_its_closing_boundary_is_400()
    {
        var body = "--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nhello";
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=cut");
        await ProblemAsync(await service.Customer.PostAsync(new Uri("/api/uploads", UriKind.Relative), content), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_multipart_upload_of_twenty_thousand_parts_is_413()
    {
        var body = new StringBuilder();
        for (var i = 0; i < 20_001; i++)
        {
            body.Append("--many\r\nContent-Disposition: form-data; name=\"f").Append(i).Append("\"\r\n\r\nx\r\n");
        }

        body.Append("--many--\r\n");
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body.ToString()));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=many");
        await ProblemAsync(await service.Customer.PostAsync(new Uri("/api/uploads", UriKind.Relative), content), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task An_upload_content_type_with_a_line_break_is_422_naming_it()
    {
        var body = Encoding.UTF8.GetBytes("""{"fileName":"a.csv","contentType":"text/csv\r\nx-ms-meta-expiresat: 2099-01-01","size":10}""");
        var problem = await ProblemAsync(await service.Customer.PostAsync(new Uri("/api/uploads", UriKind.Relative), Json(body)), HttpStatusCode.UnprocessableEntity);
        Assert.True(problem.GetProperty("errors").TryGetProperty("contentType", out _), problem.ToString());
    }

    [Fact]
    public async Task Headers_over_the_limit_are_431_with_problem_details()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        request.Headers.Add("X-Padding", new string('a', 40 * 1024));
        await ProblemAsync(await service.Anonymous.SendAsync(request), HttpStatusCode.RequestHeaderFieldsTooLarge);
    }

    [Fact]
    public async Task A_url_over_the_limit_is_414_with_problem_details()
    {
        await ProblemAsync(await service.Anonymous.GetAsync(new Uri("/api/health?q=" + new string('a', 10 * 1024), UriKind.Relative)), HttpStatusCode.RequestUriTooLong);
    }

    /// <summary>A body of unknown length (sent chunked): a head, then filler.</summary>
    private sealed class ChunkedBody(byte[] head, int filler) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var total = head.Length + filler;
            var n = (int)Math.Min(count, total - _position);
            for (var i = 0; i < n; i++)
            {
                var at = _position + i;
                buffer[offset + i] = at < head.Length ? head[at] : (byte)'x';
            }

            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
