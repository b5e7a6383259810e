using SupportFunctions.App.AgentQueues;
using System.Text.Json;
using System.Text.Json.Serialization;
using SupportFunctions.App.Admin;
using SupportFunctions.App.Cases;
using SupportFunctions.App.Health;
using SupportFunctions.App.Inbound;
using SupportFunctions.App.Notifications;
using SupportFunctions.App.Partners;
using SupportFunctions.App.Retention;
using SupportFunctions.App.Security;
using SupportFunctions.App.Storage;
using SupportFunctions.App.Timers;
using SupportFunctions.Storage;

namespace SupportFunctions.App.Hosting;

public static class SupportServices
{
    /// <summary>
    /// Everything the app is made of, for both hosts: the standalone service and the Azure Functions isolated worker
    /// (which sets <see cref="Queues.HostingMode"/> so the pollers, schedules and durable backend stay off).
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
        services.AddSupportTimers(configuration);
        services.AddSupportInbound();
        services.AddSupportRetention(configuration);
        services.AddSupportNotifications(configuration);
        services.AddSingleton<SupportContactDirectory>();
        services.AddSupportRateLimits(configuration);
        services.AddSingleton<StorageReadinessProbe>();
        return services;
    }
}
