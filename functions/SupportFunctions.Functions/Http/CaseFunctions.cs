using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace SupportFunctions.Functions.Http;

/// <summary>HTTP triggers for /api/cases: intake, the case view and every action on a case. Each is the standalone API's endpoint of the same name, method and route, run by <see cref="ApiEndpointInvoker"/>.</summary>
public sealed class CaseFunctions(ApiEndpointInvoker api)
{
    [Function("ListCases")]
    public Task<IActionResult> ListCases([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/cases")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("ListCases", request, durable);

    [Function("CreateCase")]
    public Task<IActionResult> CreateCase([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("CreateCase", request, durable);

    [Function("GetCase")]
    public Task<IActionResult> GetCase([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/cases/{number}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("GetCase", request, durable);

    [Function("AssignCase")]
    public Task<IActionResult> AssignCase([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{number}/assignee")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("AssignCase", request, durable);

    [Function("AddCaseAttachment")]
    public Task<IActionResult> AddCaseAttachment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{number}/attachments")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("AddCaseAttachment", request, durable);

    [Function("ConfirmCaseAttachment")]
    public Task<IActionResult> ConfirmCaseAttachment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{number}/attachments/{attachmentId}/confirm")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("ConfirmCaseAttachment", request, durable);

    [Function("CloseCase")]
    public Task<IActionResult> CloseCase([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{number}/close")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("CloseCase", request, durable);

    [Function("EscalateCase")]
    public Task<IActionResult> EscalateCase([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{number}/escalations")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("EscalateCase", request, durable);

    [Function("GetCaseEvents")]
    public Task<IActionResult> GetCaseEvents([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/cases/{number}/events")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("GetCaseEvents", request, durable);

    [Function("AddInternalNote")]
    public Task<IActionResult> AddInternalNote([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{number}/notes")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("AddInternalNote", request, durable);

    [Function("ReplyToCase")]
    public Task<IActionResult> ReplyToCase([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{number}/replies")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("ReplyToCase", request, durable);

    [Function("ChangeCaseSeverity")]
    public Task<IActionResult> ChangeCaseSeverity([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{number}/severity")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("ChangeCaseSeverity", request, durable);

    [Function("GetCaseSla")]
    public Task<IActionResult> GetCaseSla([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/cases/{number}/sla")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("GetCaseSla", request, durable);

    [Function("ChangeCaseStatus")]
    public Task<IActionResult> ChangeCaseStatus([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/cases/{number}/status")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("ChangeCaseStatus", request, durable);
}
