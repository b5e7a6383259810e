using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportFunctions.App.Hosting;
using SupportFunctions.Functions.Http;

namespace SupportFunctions.Functions;

public static class FunctionsComposition
{
    /// <summary>
    /// The worker's services: the app's own (no pollers, schedules or durable backend: the host's triggers and the Durable
    /// extension do that work here) and the API endpoints its HTTP functions run.
    /// </summary>
    public static IServiceCollection AddSupportFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSupportServices(configuration);
        services.AddRouting();
        // What the worker's web host provides (and a bare host, in tests, lacks): the exception handler middleware logs through it.
        services.TryAddSingleton(new DiagnosticListener("Microsoft.AspNetCore"));
        services.TryAddSingleton<DiagnosticSource>(provider => provider.GetRequiredService<DiagnosticListener>());
        services.AddSingleton<ApiEndpoints>();
        services.AddSingleton<ApiEndpointInvoker>();
        // The OpenAPI document, and the authorization middleware's policy cache, read the same endpoints the HTTP functions run.
        services.AddSingleton<EndpointDataSource>(provider => new CompositeEndpointDataSource(provider.GetRequiredService<ApiEndpoints>().DataSources));
        return services;
    }
}
