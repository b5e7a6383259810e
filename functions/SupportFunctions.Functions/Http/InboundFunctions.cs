using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace SupportFunctions.Functions.Http;

/// <summary>HTTP triggers for /api/inbound: email (SendGrid Inbound Parse) and voice webhooks. Each is the standalone API's endpoint of the same name, method and route, run by <see cref="ApiEndpointInvoker"/>.</summary>
public sealed class InboundFunctions(ApiEndpointInvoker api)
{
    [Function("InboundEmail")]
    public Task<IActionResult> InboundEmail([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/inbound/email")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("InboundEmail", request, durable);

    [Function("InboundEmailWithToken")]
    public Task<IActionResult> InboundEmailWithToken([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/inbound/email/{token}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("InboundEmailWithToken", request, durable);

    [Function("InboundVoice")]
    public Task<IActionResult> InboundVoice([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/inbound/voice")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("InboundVoice", request, durable);

    [Function("InboundTwilioVoice")]
    public Task<IActionResult> InboundTwilioVoice([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/inbound/voice/twilio")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("InboundTwilioVoice", request, durable);
}
