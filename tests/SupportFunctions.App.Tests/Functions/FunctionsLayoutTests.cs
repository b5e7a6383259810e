using System.Net;
using System.Text;
using System.Text.Json;
using SupportFunctions.App.Functions;
using SupportFunctions.App.Tests.Infrastructure;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Tests.Functions;

/// <summary>The Functions host's view of the app (host.json, one function.json per trigger) matches what the app serves.</summary>
public sealed class FunctionsLayoutTests : IAsyncLifetime
{
    private static readonly string FunctionsFolder = RepositoryPaths.Combine("functions", "SupportFunctions.App", "FunctionsHost");
    private SupportApp _app = null!;

    public async Task InitializeAsync() => _app = await SupportApp.StartAsync("everbridge", settings => settings["SupportFunctions:Hosting:Mode"] = "functions");

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    private static IEnumerable<(string Name, JsonElement Binding)> Triggers() =>
        Directory.GetDirectories(FunctionsFolder).Select(folder =>
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "function.json")));
            return (Path.GetFileName(folder), document.RootElement.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("direction").GetString() == "in").Clone());
        });

    [Fact]
    public void Every_queue_the_app_handles_has_a_queue_trigger_naming_that_queue_and_a_connection_setting_not_a_secret()
    {
        var queueTriggers = Triggers().Where(t => t.Binding.GetProperty("type").GetString() == "queueTrigger").ToDictionary(t => t.Name, t => t.Binding);

        Assert.Equal(FunctionNames.QueueTriggers.Keys.Order(), queueTriggers.Keys.Order());
        foreach (var (name, binding) in queueTriggers)
        {
            Assert.Equal(FunctionNames.QueueTriggers[name], binding.GetProperty("queueName").GetString());
            Assert.Contains(binding.GetProperty("queueName").GetString(), StorageLayout.QueueNames);
            Assert.DoesNotContain("=", binding.GetProperty("connection").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Every_timer_trigger_is_a_function_the_app_answers()
    {
        var timers = Triggers().Where(t => t.Binding.GetProperty("type").GetString() == "timerTrigger").ToList();
        Assert.NotEmpty(timers);
        foreach (var (name, binding) in timers)
        {
            Assert.StartsWith("%", binding.GetProperty("schedule").GetString(), StringComparison.Ordinal);
            using var content = new StringContent("{\"Data\":{\"timer\":{\"IsPastDue\":false}},\"Metadata\":{}}", Encoding.UTF8, "application/json");
            var response = await _app.Anonymous.PostAsync(new Uri("/" + name, UriKind.Relative), content, TestTimeout.Token());
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST /{name} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Every_http_trigger_route_leads_to_endpoints_the_app_serves()
    {
        var routes = Triggers().Where(t => t.Binding.GetProperty("type").GetString() == "httpTrigger").Select(t => t.Binding.GetProperty("route").GetString()!).ToList();
        Assert.Contains("api/cases/{*rest}", routes);
        Assert.Contains("api/inbound/{*rest}", routes);
        var endpoints = await _app.Admin.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestTimeout.Token());
        using var openApi = JsonDocument.Parse(endpoints);
        var paths = openApi.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in paths)
        {
            Assert.True(routes.Any(r => path.TrimStart('/').StartsWith(r.Replace("{*rest}", string.Empty, StringComparison.Ordinal).TrimEnd('/'), StringComparison.Ordinal)), $"{path} is served by the app but no HTTP trigger forwards it");
        }
    }

    [Fact]
    public void Host_json_forwards_http_as_is_and_parks_poison_at_the_policies_delivery_count()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("host.json")));
        var root = host.RootElement;
        Assert.True(root.GetProperty("customHandler").GetProperty("enableForwardingHttpRequest").GetBoolean());
        Assert.Equal("app/SupportFunctions.App", root.GetProperty("customHandler").GetProperty("description").GetProperty("defaultExecutablePath").GetString());
        Assert.Equal(string.Empty, root.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        var hostCount = root.GetProperty("extensions").GetProperty("queues").GetProperty("maxDequeueCount").GetInt32();
        foreach (var policy in Directory.GetFiles(RepositoryPaths.Combine("policies"), "*.json").Where(p => !p.EndsWith(".schema.json", StringComparison.Ordinal)))
        {
            Assert.Equal(PolicyDocument.Parse(File.ReadAllText(policy), policy).Lifecycle.MaxDequeueCount, hostCount);
        }
    }
}
