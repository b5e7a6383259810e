using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace SupportFunctions.Functions.Http;

/// <summary>HTTP triggers for /openapi: the OpenAPI document of the API. Each is the standalone API's endpoint of the same name, method and route, run by <see cref="ApiEndpointInvoker"/>.</summary>
public sealed class OpenApiFunctions(ApiEndpointInvoker api)
{
    [Function("OpenApiDocument")]
    public Task<IActionResult> OpenApiDocument([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi/{documentName}.json")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("OpenApiDocument", request, durable);
}
