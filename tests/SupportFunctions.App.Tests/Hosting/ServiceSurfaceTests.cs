using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Tests.Infrastructure;

namespace SupportFunctions.App.Tests.Hosting;

public class ServiceSurfaceTests
{
    [Fact]
    public async Task OpenApi_document_describes_the_health_endpoints()
    {
        await using var app = new SupportAppFactory();
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative), TestTimeout.Token());
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/health", out _));
        Assert.True(paths.TryGetProperty("/api/health/ready", out var ready));
        Assert.True(ready.GetProperty("get").GetProperty("responses").TryGetProperty("503", out _));
    }

    [Fact]
    public async Task OpenApi_document_declares_the_api_key_and_which_operations_need_it()
    {
        await using var app = new SupportAppFactory();
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative), TestTimeout.Token());

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
        string[] Schemes(string path, string method) =>
            document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToArray();
        Assert.Equal(["ApiKey"], Schemes("/api/cases", "get"));
        Assert.Equal(["ApiKey"], Schemes("/api/queue", "get"));
        Assert.Equal(["ApiKey"], Schemes("/api/admin/accounts", "post"));
        Assert.Empty(Schemes("/api/health", "get"));
        Assert.Empty(Schemes("/api/public/cases", "post"));
        var inbound = document.GetProperty("paths").EnumerateObject().First(p => p.Name.StartsWith("/api/inbound/", StringComparison.Ordinal)).Value.EnumerateObject().First().Value;
        Assert.Empty(inbound.GetProperty("security").EnumerateArray());
        Assert.Contains("signature", inbound.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_page_is_served_and_points_at_the_document()
    {
        await using var app = new SupportAppFactory();
        var client = app.CreateClient();
        var page = await client.GetStringAsync(new Uri("/docs/index.html", UriKind.Relative), TestTimeout.Token());
        Assert.Contains("swagger-ui", page, StringComparison.OrdinalIgnoreCase);
        var config = await client.GetStringAsync(new Uri("/docs/index.js", UriKind.Relative), TestTimeout.Token());
        Assert.Contains("/openapi/v1.json", config, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_route_is_a_problem_document()
    {
        await using var app = new SupportAppFactory();
        var response = await app.CreateClient().GetAsync(new Uri("/api/no-such-thing", UriKind.Relative), TestTimeout.Token());
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData(0, HttpStatusCode.ServiceUnavailable)]
    [InlineData(503, HttpStatusCode.ServiceUnavailable)]
    [InlineData(403, HttpStatusCode.InternalServerError)]
    public async Task Storage_failures_become_problem_details_without_internals(int storageStatus, HttpStatusCode expected)
    {
        await using var app = new SupportAppFactory().WithWebHostBuilder(builder => builder.ConfigureServices(services =>
            services.AddSingleton<IStartupFilter>(new ThrowingEndpoint(new Azure.RequestFailedException(storageStatus, "secret internal detail", "SomeCode", null)))));

        var response = await app.CreateClient().GetAsync(new Uri("/test/throws", UriKind.Relative), TestTimeout.Token());

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("secret internal detail", body, StringComparison.Ordinal);
        Assert.Contains("traceId", body, StringComparison.Ordinal);
        Assert.Equal(expected == HttpStatusCode.ServiceUnavailable, response.Headers.RetryAfter is not null);
    }

    private sealed class ThrowingEndpoint(Exception exception) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.UseRouting();
            app.UseEndpoints(endpoints => endpoints.MapGet("/test/throws", (HttpContext _) => throw exception));
        };
    }
}
