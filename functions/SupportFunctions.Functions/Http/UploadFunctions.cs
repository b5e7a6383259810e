using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace SupportFunctions.Functions.Http;

/// <summary>HTTP triggers for /api/uploads: staged uploads. Each is the standalone API's endpoint of the same name, method and route, run by <see cref="ApiEndpointInvoker"/>.</summary>
public sealed class UploadFunctions(ApiEndpointInvoker api)
{
    [Function("StageUpload")]
    public Task<IActionResult> StageUpload([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/uploads")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("StageUpload", request, durable);
}
