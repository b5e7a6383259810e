using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.DurableTask.Client;
using SupportFunctions.App.Durable;
using SupportFunctions.App.Hosting;

namespace SupportFunctions.Functions.Http;

/// <summary>
/// What every HTTP function does: its request goes through the standalone API's middleware (problem details,
/// API-key authentication, the route group's authorization and rate limits) to the standalone API's endpoint of the
/// same name, which binds and calls the same application services. Nothing here decides anything about a request.
/// </summary>
public sealed class ApiEndpointInvoker
{
    private readonly Dictionary<string, (RouteEndpoint Endpoint, TemplateMatcher Matcher)> _byName;
    private readonly RequestDelegate _pipeline;

    public ApiEndpointInvoker(ApiEndpoints endpoints, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        _byName = endpoints.Endpoints.ToDictionary(ApiEndpoints.NameOf, e => (e, new TemplateMatcher(new RouteTemplate(e.RoutePattern), [])), StringComparer.Ordinal);

        var app = new ApplicationBuilder(services);
        app.UseSupportPipeline();
        app.Run(context => context.GetEndpoint()!.RequestDelegate!(context));
        _pipeline = app.Build();
    }

    /// <summary>Runs the request through the API to the named endpoint; the response is written to the request's context.</summary>
    public async Task<IActionResult> InvokeAsync(string endpointName, HttpRequest request, DurableTaskClient durable)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (endpoint, matcher) = _byName[endpointName];
        var values = new RouteValueDictionary();
        if (!matcher.TryMatch(request.Path, values))
        {
            // The function's route and the endpoint's are the same template (a test holds them together), so this is a bug, not a bad request.
            throw new InvalidOperationException($"Path {request.Path} does not match {endpoint.RoutePattern.RawText}, the route of endpoint {endpointName}.");
        }

        foreach (var (key, value) in values)
        {
            request.RouteValues[key] = value;
        }

        request.HttpContext.SetEndpoint(endpoint);
        using (DurableClientAccessor.Use(durable))
        {
            await _pipeline(request.HttpContext);
        }

        // The endpoint wrote the response; an empty result leaves it as it is.
        return new EmptyResult();
    }
}
