using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace SupportFunctions.Functions.Http;

/// <summary>HTTP triggers for /api/partners/me: a partner's own accounts, contacts, users and keys. Each is the standalone API's endpoint of the same name, method and route, run by <see cref="ApiEndpointInvoker"/>.</summary>
public sealed class PartnerFunctions(ApiEndpointInvoker api)
{
    [Function("GetMyPartner")]
    public Task<IActionResult> GetMyPartner([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/partners/me")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("GetMyPartner", request, durable);

    [Function("ListPartnerAccounts")]
    public Task<IActionResult> ListPartnerAccounts([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/partners/me/accounts")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("ListPartnerAccounts", request, durable);

    [Function("CreatePartnerAccount")]
    public Task<IActionResult> CreatePartnerAccount([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/partners/me/accounts")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("CreatePartnerAccount", request, durable);

    [Function("GetPartnerAccount")]
    public Task<IActionResult> GetPartnerAccount([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/partners/me/accounts/{accountId}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("GetPartnerAccount", request, durable);

    [Function("UpdatePartnerAccount")]
    public Task<IActionResult> UpdatePartnerAccount([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/partners/me/accounts/{accountId}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("UpdatePartnerAccount", request, durable);

    [Function("ListPartnerAccountCases")]
    public Task<IActionResult> ListPartnerAccountCases([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/partners/me/accounts/{accountId}/cases")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("ListPartnerAccountCases", request, durable);

    [Function("ListPartnerAccountContacts")]
    public Task<IActionResult> ListPartnerAccountContacts([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/partners/me/accounts/{accountId}/contacts")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("ListPartnerAccountContacts", request, durable);

    [Function("CreatePartnerAccountContact")]
    public Task<IActionResult> CreatePartnerAccountContact([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/partners/me/accounts/{accountId}/contacts")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("CreatePartnerAccountContact", request, durable);

    [Function("ListSupportContacts")]
    public Task<IActionResult> ListSupportContacts([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/partners/me/accounts/{accountId}/support-contacts")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("ListSupportContacts", request, durable);

    [Function("AddSupportContact")]
    public Task<IActionResult> AddSupportContact([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/partners/me/accounts/{accountId}/support-contacts")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("AddSupportContact", request, durable);

    [Function("ReplaceSupportContacts")]
    public Task<IActionResult> ReplaceSupportContacts([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/partners/me/accounts/{accountId}/support-contacts")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("ReplaceSupportContacts", request, durable);

    [Function("RemoveSupportContact")]
    public Task<IActionResult> RemoveSupportContact([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/partners/me/accounts/{accountId}/support-contacts/{key}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("RemoveSupportContact", request, durable);

    [Function("ListMyKeys")]
    public Task<IActionResult> ListMyKeys([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/partners/me/keys")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("ListMyKeys", request, durable);

    [Function("CreateMyKey")]
    public Task<IActionResult> CreateMyKey([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/partners/me/keys")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("CreateMyKey", request, durable);

    [Function("RevokeMyKey")]
    public Task<IActionResult> RevokeMyKey([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/partners/me/keys/{keyId}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("RevokeMyKey", request, durable);

    [Function("RotateMyKey")]
    public Task<IActionResult> RotateMyKey([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/partners/me/keys/{keyId}/rotate")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("RotateMyKey", request, durable);

    [Function("FindPartnerUsers")]
    public Task<IActionResult> FindPartnerUsers([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/partners/me/users")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("FindPartnerUsers", request, durable);

    [Function("CreateMyPartnerUser")]
    public Task<IActionResult> CreateMyPartnerUser([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/partners/me/users")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("CreateMyPartnerUser", request, durable);

    [Function("DeleteMyPartnerUser")]
    public Task<IActionResult> DeleteMyPartnerUser([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/partners/me/users/{userId}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("DeleteMyPartnerUser", request, durable);
}
