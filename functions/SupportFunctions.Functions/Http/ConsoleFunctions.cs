using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace SupportFunctions.Functions.Http;

/// <summary>HTTP trigger for /console: the agent console's files, served by the same endpoint as the standalone service (<see cref="ApiEndpointInvoker"/>).</summary>
public sealed class ConsoleFunctions(ApiEndpointInvoker api)
{
    [Function("GetConsoleFile")]
    public Task<IActionResult> GetConsoleFile([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/{*path}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("GetConsoleFile", request, durable);
}
