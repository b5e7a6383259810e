using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace SupportFunctions.Functions.Http;

/// <summary>HTTP triggers for /api/defects: engineering defects linked to cases. Each is the standalone API's endpoint of the same name, method and route, run by <see cref="ApiEndpointInvoker"/>.</summary>
public sealed class DefectFunctions(ApiEndpointInvoker api)
{
    [Function("DefectFixed")]
    public Task<IActionResult> DefectFixed([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/defects/{defectId}/fixed")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("DefectFixed", request, durable);
}
