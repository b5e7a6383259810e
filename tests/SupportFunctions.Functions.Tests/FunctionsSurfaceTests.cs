using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Queues;
using SupportFunctions.App.Tests.Infrastructure;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.Functions.Tests;

/// <summary>The two hosts cannot drift: every standalone route is an HTTP function and the reverse, every queue trigger listens where the app writes, every durable task has its function.</summary>
public sealed class FunctionsSurfaceTests
{
    private static string Normalize(string route) => route.Trim('/');

    [Fact]
    public async Task Every_api_route_is_an_http_function_of_the_same_name_method_and_route_and_the_reverse()
    {
        await using var app = await SupportApp.StartAsync("everbridge");
        var standalone = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName} {m} {Normalize(e.RoutePattern.RawText!)}"))
            .Order(StringComparer.Ordinal).ToList();
        var functions = FunctionAttributes.Of<HttpTriggerAttribute>()
            .SelectMany(f => f.Trigger.Methods!.Select(m => $"{f.Name} {m.ToUpperInvariant()} {Normalize(f.Trigger.Route!)}"))
            .Order(StringComparer.Ordinal).ToList();

        Assert.Equal(standalone, functions);
        Assert.True(functions.Count > 70, $"only {functions.Count} routes compared");
        Assert.All(FunctionAttributes.Of<HttpTriggerAttribute>(), f => Assert.Equal(AuthorizationLevel.Anonymous, f.Trigger.AuthLevel));
    }

    [Fact]
    public async Task Queue_triggers_listen_on_exactly_the_queues_the_app_handles_on_the_connection_the_settings_name()
    {
        await using var app = await SupportApp.StartAsync("everbridge");
        var handled = app.Services.GetRequiredService<QueueDispatcher>().Queues.Order(StringComparer.Ordinal).ToList();
        var triggers = FunctionAttributes.Of<QueueTriggerAttribute>().ToList();

        Assert.Equal(handled, triggers.Select(t => t.Trigger.QueueName).Order(StringComparer.Ordinal));
        Assert.Equal(StorageLayout.QueueNames.Order(StringComparer.Ordinal), handled);
        Assert.All(triggers, t => Assert.Equal(Queues.QueueFunctions.Connection, t.Trigger.Connection));
    }

    [Fact]
    public void Every_schedule_and_connection_a_trigger_names_is_set_locally_and_in_the_bicep()
    {
        var local = DeploymentFiles.SampleValues().Keys.ToHashSet(StringComparer.Ordinal);
        var bicep = DeploymentFiles.BicepSettings();
        var schedules = FunctionAttributes.Of<TimerTriggerAttribute>().Select(t => t.Trigger.Schedule.Trim('%')).ToList();

        Assert.Equal(["PurgeRetention", "ReconcileTimers"], FunctionAttributes.Of<TimerTriggerAttribute>().Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.All(schedules, s => Assert.Contains(s, local));
        Assert.All(schedules, s => Assert.Contains(s, bicep));
        Assert.Contains(Queues.QueueFunctions.Connection, local);
        Assert.All(new[] { "blob", "queue", "table" }, service => Assert.Contains($"{Queues.QueueFunctions.Connection}__{service}ServiceUri", bicep));
    }

    [Fact]
    public void Every_orchestrator_and_activity_of_the_app_is_a_durable_function_of_its_name()
    {
        var types = typeof(App.Durable.SupportTasks).Assembly.GetTypes().Where(t => !t.IsAbstract && t.BaseType is { IsGenericType: true } b).ToList();
        var orchestrators = types.Where(t => t.BaseType!.GetGenericTypeDefinition() == typeof(TaskOrchestrator<,>)).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        var activities = types.Where(t => t.BaseType!.GetGenericTypeDefinition() == typeof(TaskActivity<,>)).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(orchestrators, FunctionAttributes.Of<OrchestrationTriggerAttribute>().Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal(activities, FunctionAttributes.Of<ActivityTriggerAttribute>().Select(f => f.Name).Order(StringComparer.Ordinal));
        Assert.Equal(3, orchestrators.Count);
        Assert.Equal(7, activities.Count);
    }

    [Fact]
    public void Host_json_configures_the_durable_extension_on_the_trigger_connection_and_lets_the_app_park_poison_first()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("host.json")));
        var extensions = host.RootElement.GetProperty("extensions");
        Assert.Equal(["extensions", "functionTimeout", "logging", "version"], host.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(Queues.QueueFunctions.Connection, extensions.GetProperty("durableTask").GetProperty("storageProvider").GetProperty("connectionName").GetString());
        Assert.Equal(string.Empty, extensions.GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.Equal("base64", extensions.GetProperty("queues").GetProperty("messageEncoding").GetString());
        // The app parks a message at the policy's last delivery; the host must not move it to its own -poison queue first.
        var policies = Directory.GetFiles(RepositoryPaths.Combine("policies"), "*.json").Where(p => !p.EndsWith(".schema.json", StringComparison.Ordinal));
        var most = policies.Max(p => JsonDocument.Parse(File.ReadAllText(p)).RootElement.GetProperty("lifecycle").TryGetProperty("maxDequeueCount", out var n) ? n.GetInt32() : 5);
        Assert.True(extensions.GetProperty("queues").GetProperty("maxDequeueCount").GetInt32() > most);
    }
}
