using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace SupportFunctions.Functions.Http;

/// <summary>HTTP triggers for /api/public/cases: anonymous intake (rate limited). Each is the standalone API's endpoint of the same name, method and route, run by <see cref="ApiEndpointInvoker"/>.</summary>
public sealed class PublicCaseFunctions(ApiEndpointInvoker api)
{
    [Function("CreateCaseAnonymously")]
    public Task<IActionResult> CreateCaseAnonymously([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/public/cases")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("CreateCaseAnonymously", request, durable);
}
