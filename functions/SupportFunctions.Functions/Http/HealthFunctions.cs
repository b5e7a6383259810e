using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace SupportFunctions.Functions.Http;

/// <summary>HTTP triggers for /api/health: liveness and readiness. Each is the standalone API's endpoint of the same name, method and route, run by <see cref="ApiEndpointInvoker"/>.</summary>
public sealed class HealthFunctions(ApiEndpointInvoker api)
{
    [Function("Alive")]
    public Task<IActionResult> Alive([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("Alive", request, durable);

    [Function("Ready")]
    public Task<IActionResult> Ready([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health/ready")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("Ready", request, durable);
}
