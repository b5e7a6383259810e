using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportFunctions.App.Durable;
using SupportFunctions.App.Tests.Cases;
using SupportFunctions.App.Tests.Infrastructure;
using SupportFunctions.Functions.Http;

namespace SupportFunctions.Functions.Tests;

/// <summary>HTTP functions called without the host: they answer as the standalone API does, from the same services and storage.</summary>
public sealed class HttpFunctionTests() : WorkerBesideStandalone("purecloud")
{
    /// <summary>A problem document without its per-request trace id.</summary>
    private static string Problem(string body)
    {
        var node = JsonNode.Parse(body)!.AsObject();
        node.Remove("traceId");
        return node.ToJsonString();
    }

    private async Task<(int Status, string Body)> StandaloneAsync(HttpMethod method, string path, string? apiKey, string? json)
    {
        using var client = apiKey is null ? Standalone.Anonymous : Standalone.Client(apiKey);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("GET", "/api/cases", null, null)]
    [InlineData("GET", "/api/cases/CS-404404", "admin", null)]
    [InlineData("POST", "/api/cases", "admin", """{"subject": "", "category": "no-such-category", "severity": 9}""")]
    [InlineData("POST", "/api/cases", "admin", """{"subject": """)]
    [InlineData("POST", "/api/admin/purges", "admin", """{"dryRun": "yes"}""")]
    public async Task A_refused_request_gets_the_same_problem_details_from_the_function_as_from_theStandalone_api(string method, string path, string? key, string? json)
    {
        var apiKey = key is null ? null : SupportAppFactory.BootstrapKey;
        var expected = await StandaloneAsync(new HttpMethod(method), path, apiKey, json);
        var cases = Worker.Functions<CaseFunctions>();
        var admin = Worker.Functions<AdminFunctions>();
        Func<Microsoft.AspNetCore.Http.HttpRequest, Microsoft.DurableTask.Client.DurableTaskClient, Task<Microsoft.AspNetCore.Mvc.IActionResult>> function = (method, path) switch
        {
            ("GET", "/api/cases") => cases.ListCases,
            ("GET", _) => cases.GetCase,
            ("POST", "/api/cases") => cases.CreateCase,
            _ => admin.StartPurge,
        };

        var actual = await Worker.InvokeAsync(function, method, path, apiKey, json);

        Assert.InRange(expected.Status, 400, 499);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal("application/problem+json", actual.ContentType);
        Assert.Equal(Problem(expected.Body), Problem(actual.Body));
    }

    [Fact]
    public async Task The_console_function_serves_the_same_page_and_modules_as_the_standalone_service()
    {
        var console = Worker.Functions<ConsoleFunctions>();
        foreach (var path in new[] { "/console/", "/console/queue.js", "/console/console.css" })
        {
            // With a key only so that each call gets a client of its own (the page itself needs none).
            var expected = await StandaloneAsync(HttpMethod.Get, path, SupportAppFactory.BootstrapKey, null);
            var actual = await Worker.InvokeAsync(console.GetConsoleFile, "GET", path);
            Assert.Equal((200, expected.Body), (actual.Status, actual.Body));
        }

        Assert.StartsWith("text/html", (await Worker.InvokeAsync(console.GetConsoleFile, "GET", "/console/")).ContentType, StringComparison.Ordinal);
        Assert.Equal(404, (await Worker.InvokeAsync(console.GetConsoleFile, "GET", "/console/nothing.js")).Status);
    }

    [Fact]
    public async Task A_case_opened_through_the_function_is_stored_for_theStandalone_app_and_starts_its_sla_orchestration()
    {
        var customer = await Standalone.CustomerAsync(designated: true);
        var body = JsonSerializer.Serialize(new { subject = "Routing down", description = "Calls drop", category = "technical-problem", severity = 2, fields = new { businessImpact = "All agents idle" } });

        var created = await Worker.InvokeAsync(Worker.Functions<CaseFunctions>().CreateCase, "POST", "/api/cases", customer.Key, body);

        Assert.Equal(201, created.Status);
        var number = JsonDocument.Parse(created.Body).RootElement.GetProperty("number").GetString()!;
        var stored = await customer.Client.GetFromJsonAsync<JsonElement>(new Uri($"/api/cases/{number}", UriKind.Relative));
        Assert.Equal("Routing down", stored.GetProperty("subject").GetString());
        // The client the [DurableClient] binding gave the function is the one the case's orchestration was started on.
        Assert.NotNull(await Worker.Durable.GetInstanceAsync(CaseOrchestrations.SlaInstanceId(number)));
    }

    [Fact]
    public async Task Route_values_reach_the_endpoint_and_the_openapi_document_describes_the_api()
    {
        var alive = await Worker.InvokeAsync(Worker.Functions<HealthFunctions>().Alive, "GET", "/api/health");
        var document = await Worker.InvokeAsync(Worker.Functions<OpenApiFunctions>().OpenApiDocument, "GET", "/openapi/v1.json");

        Assert.Equal((200, """{"status":"alive"}"""), (alive.Status, alive.Body));
        Assert.Equal(200, document.Status);
        var paths = JsonDocument.Parse(document.Body).RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/cases/{number}", out _), "the document lists /api/cases/{number}");
        Assert.Equal(HttpStatusCode.OK, (await Standalone.Anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).StatusCode);
    }
}
