using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace SupportFunctions.Functions.Http;

/// <summary>HTTP triggers for the agents' queue and the SLA report. The standalone API's endpoints of the same names, methods and routes, run by <see cref="ApiEndpointInvoker"/>.</summary>
public sealed class QueueFunctions(ApiEndpointInvoker api)
{
    [Function("GetAgentQueue")]
    public Task<IActionResult> GetAgentQueue([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/queue")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("GetAgentQueue", request, durable);

    [Function("GetAgentQueueCounts")]
    public Task<IActionResult> GetAgentQueueCounts([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/queue/counts")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("GetAgentQueueCounts", request, durable);

    [Function("GetSlaReport")]
    public Task<IActionResult> GetSlaReport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/sla")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("GetSlaReport", request, durable);
}
