using System.Text.Json.Serialization;
using System.Text.Json;
using SupportFunctions.App.Admin;
using SupportFunctions.App.AgentQueues;
using SupportFunctions.App.Cases;
using SupportFunctions.App.Durable;
using SupportFunctions.App.Health;
using SupportFunctions.App.Inbound;
using SupportFunctions.App.Notifications;
using SupportFunctions.App.Partners;
using SupportFunctions.App.Queues;
using SupportFunctions.App.Retention;
using SupportFunctions.App.Security;
using SupportFunctions.App.Storage;
using SupportFunctions.Storage;

namespace SupportFunctions.App.Hosting;

public static class SupportServices
{
    /// <summary>
    /// Everything the app is made of, for both hosts: the standalone service adds its durable engine, pollers and
    /// schedules; the Azure Functions isolated worker leaves them to the host's triggers and the Durable extension.
    /// </summary>
    public static IServiceCollection AddSupportServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        // A query or route value that does not bind (pageSize=abc) becomes a problem naming it, in every environment.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddOpenApi(options => options.AddApiKeySecurity());
        services.AddSupportStorage();
        services.AddSupportAuthentication();
        services.AddSupportCases(configuration);
        services.AddSupportAgentQueues();
        services.AddSupportOrchestrations();
        services.AddSupportQueues();
        services.AddSupportInbound();
        services.AddSupportRetention();
        services.AddSupportNotifications(configuration);
        services.AddSingleton<SupportContactDirectory>();
        services.AddSupportRateLimits(configuration);
        services.AddSingleton<StorageReadinessProbe>();
        return services;
    }
}
