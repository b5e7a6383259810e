using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Storage;
using SupportFunctions.App.Tests.Infrastructure;

namespace SupportFunctions.App.Tests.Health;

public class HealthApiTests
{
    [Fact]
    public async Task Alive_answers_without_touching_storage()
    {
        await using var app = SupportAppFactory.WithStorage("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:1/devstoreaccount1");
        var response = await app.CreateClient().GetAsync(new Uri("/api/health", UriKind.Relative), TestTimeout.Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("alive", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_is_healthy_when_table_blob_and_queue_answer()
    {
        await using var app = new SupportAppFactory();
        await app.Services.GetRequiredService<StorageInitializer>().Ready.WaitAsync(TestTimeout.Token());
        var response = await app.CreateClient().GetAsync(new Uri("/api/health/ready", UriKind.Relative), TestTimeout.Token());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Equal(["blob", "layout", "queue", "table"], body.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("service").GetString()).Order());
    }

    [Fact]
    public async Task Ready_is_503_naming_every_service_once_azurite_is_stopped()
    {
        var token = TestTimeout.Token(90);
        await using var azurite = await PrivateAzurite.StartAsync(token);
        await using var app = SupportAppFactory.WithStorage(azurite.ConnectionString);
        var client = app.CreateClient();
        await app.Services.GetRequiredService<StorageInitializer>().Ready.WaitAsync(token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/health/ready", UriKind.Relative), token)).StatusCode);

        await azurite.StopAsync();
        var started = DateTime.UtcNow;
        var response = await client.GetAsync(new Uri("/api/health/ready", UriKind.Relative), token);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Equal(["blob", "queue", "table"], problem.GetProperty("failed").EnumerateArray().Select(f => f.GetString()).Order());
        Assert.Contains("table: unreachable", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "readiness must answer within its deadline, not wait out retries");
    }

    [Fact]
    public async Task Ready_names_only_the_service_that_failed()
    {
        var queueDown = Azurite.With(queue: new Uri("http://127.0.0.1:1/devstoreaccount1"));
        await using var app = SupportAppFactory.WithStorage(queueDown);

        var response = await app.CreateClient().GetAsync(new Uri("/api/health/ready", UriKind.Relative), TestTimeout.Token());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        // The queues cannot be created either, so the layout is not ready; table and blob are fine.
        Assert.Equal(["layout", "queue"], problem.GetProperty("failed").EnumerateArray().Select(f => f.GetString()).Order());
    }

    [Fact]
    public async Task Ready_reports_a_wrong_account_key_as_the_service_refusing_us()
    {
        var wrongKey = Azurite.With(key: "d3Jvbmcga2V5");
        await using var app = SupportAppFactory.WithStorage(wrongKey);

        var response = await app.CreateClient().GetAsync(new Uri("/api/health/ready", UriKind.Relative), TestTimeout.Token());

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("403", detail, StringComparison.Ordinal);
    }
}
