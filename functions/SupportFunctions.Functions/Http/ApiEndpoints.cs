using SupportFunctions.App.Hosting;

namespace SupportFunctions.Functions.Http;

/// <summary>The standalone API's endpoints, mapped in the worker (for the HTTP functions to run, and for the OpenAPI document to describe).</summary>
public sealed class ApiEndpoints
{
    public ApiEndpoints(IServiceProvider services)
    {
        var routes = new WorkerEndpointRouteBuilder(services);
        routes.MapSupportApi();
        DataSources = [.. routes.DataSources];
        Endpoints = [.. DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()];
    }

    public IReadOnlyList<EndpointDataSource> DataSources { get; }

    public IReadOnlyList<RouteEndpoint> Endpoints { get; }

    public static string NameOf(RouteEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName
            ?? throw new InvalidOperationException($"Endpoint {endpoint.RoutePattern.RawText} has no name (WithName), which its HTTP function is called by.");
    }
}
