using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace SupportFunctions.Functions.Http;

/// <summary>HTTP triggers for /api/admin: accounts, contacts, agents, keys, poison, inbound, purges and holds, outbox, partners. Each is the standalone API's endpoint of the same name, method and route, run by <see cref="ApiEndpointInvoker"/>.</summary>
public sealed class AdminFunctions(ApiEndpointInvoker api)
{
    [Function("CreateAccount")]
    public Task<IActionResult> CreateAccount([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/accounts")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("CreateAccount", request, durable);

    [Function("ListAccounts")]
    public Task<IActionResult> ListAccounts([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/accounts")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("ListAccounts", request, durable);

    [Function("ListAgents")]
    public Task<IActionResult> ListAgents([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/agents")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("ListAgents", request, durable);

    [Function("ListApiKeys")]
    public Task<IActionResult> ListApiKeys([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/keys")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("ListApiKeys", request, durable);

    [Function("GetAccount")]
    public Task<IActionResult> GetAccount([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/accounts/{accountId}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("GetAccount", request, durable);

    [Function("UpdateAccount")]
    public Task<IActionResult> UpdateAccount([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/admin/accounts/{accountId}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("UpdateAccount", request, durable);

    [Function("ListContacts")]
    public Task<IActionResult> ListContacts([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/accounts/{accountId}/contacts")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("ListContacts", request, durable);

    [Function("CreateContact")]
    public Task<IActionResult> CreateContact([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/accounts/{accountId}/contacts")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("CreateContact", request, durable);

    [Function("GetContact")]
    public Task<IActionResult> GetContact([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/accounts/{accountId}/contacts/{contactId}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("GetContact", request, durable);

    [Function("UpdateContact")]
    public Task<IActionResult> UpdateContact([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/admin/accounts/{accountId}/contacts/{contactId}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("UpdateContact", request, durable);

    [Function("SetAccountPhonePin")]
    public Task<IActionResult> SetAccountPhonePin([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/admin/accounts/{accountId}/phone-pin")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("SetAccountPhonePin", request, durable);

    [Function("AdminListSupportContacts")]
    public Task<IActionResult> AdminListSupportContacts([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/accounts/{accountId}/support-contacts")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("AdminListSupportContacts", request, durable);

    [Function("AdminAddSupportContact")]
    public Task<IActionResult> AdminAddSupportContact([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/accounts/{accountId}/support-contacts")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("AdminAddSupportContact", request, durable);

    [Function("AdminReplaceSupportContacts")]
    public Task<IActionResult> AdminReplaceSupportContacts([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/admin/accounts/{accountId}/support-contacts")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("AdminReplaceSupportContacts", request, durable);

    [Function("AdminRemoveSupportContact")]
    public Task<IActionResult> AdminRemoveSupportContact([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/admin/accounts/{accountId}/support-contacts/{key}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("AdminRemoveSupportContact", request, durable);

    [Function("CreateAgent")]
    public Task<IActionResult> CreateAgent([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/agents")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("CreateAgent", request, durable);

    [Function("GetAgent")]
    public Task<IActionResult> GetAgent([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/agents/{agentId}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("GetAgent", request, durable);

    [Function("UpdateAgent")]
    public Task<IActionResult> UpdateAgent([HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/admin/agents/{agentId}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("UpdateAgent", request, durable);

    [Function("ListCaseNotifications")]
    public Task<IActionResult> ListCaseNotifications([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/cases/{number}/notifications")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("ListCaseNotifications", request, durable);

    [Function("ListLegalHolds")]
    public Task<IActionResult> ListLegalHolds([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/holds")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("ListLegalHolds", request, durable);

    [Function("ReleaseLegalHold")]
    public Task<IActionResult> ReleaseLegalHold([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/admin/holds/{scope}/{id}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("ReleaseLegalHold", request, durable);

    [Function("PlaceLegalHold")]
    public Task<IActionResult> PlaceLegalHold([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/admin/holds/{scope}/{id}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("PlaceLegalHold", request, durable);

    [Function("ListInbound")]
    public Task<IActionResult> ListInbound([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/inbound/{disposition}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("ListInbound", request, durable);

    [Function("CreateApiKey")]
    public Task<IActionResult> CreateApiKey([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/keys")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("CreateApiKey", request, durable);

    [Function("RevokeApiKey")]
    public Task<IActionResult> RevokeApiKey([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/admin/keys/{keyId}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("RevokeApiKey", request, durable);

    [Function("ListOutbox")]
    public Task<IActionResult> ListOutbox([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/outbox")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("ListOutbox", request, durable);

    [Function("GetOutboxMail")]
    public Task<IActionResult> GetOutboxMail([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/outbox/{id}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("GetOutboxMail", request, durable);

    [Function("CreatePartner")]
    public Task<IActionResult> CreatePartner([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/partners")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("CreatePartner", request, durable);

    [Function("GetPartner")]
    public Task<IActionResult> GetPartner([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/partners/{partnerId}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("GetPartner", request, durable);

    [Function("ListPartnerUsers")]
    public Task<IActionResult> ListPartnerUsers([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/partners/{partnerId}/users")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("ListPartnerUsers", request, durable);

    [Function("CreatePartnerUser")]
    public Task<IActionResult> CreatePartnerUser([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/partners/{partnerId}/users")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("CreatePartnerUser", request, durable);

    [Function("ListPoisonMessages")]
    public Task<IActionResult> ListPoisonMessages([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/poison")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("ListPoisonMessages", request, durable);

    [Function("ReplayPoisonMessage")]
    public Task<IActionResult> ReplayPoisonMessage([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/poison/{id}/replay")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("ReplayPoisonMessage", request, durable);

    [Function("ListPurges")]
    public Task<IActionResult> ListPurges([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/purges")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("ListPurges", request, durable);

    [Function("StartPurge")]
    public Task<IActionResult> StartPurge([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/admin/purges")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("StartPurge", request, durable);

    [Function("GetPurge")]
    public Task<IActionResult> GetPurge([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/purges/{runId}")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("GetPurge", request, durable);

    [Function("GetPurgeProof")]
    public Task<IActionResult> GetPurgeProof([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/purges/{runId}/proof")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("GetPurgeProof", request, durable);

    [Function("ListQuarantinedMail")]
    public Task<IActionResult> ListQuarantinedMail([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/quarantine")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("ListQuarantinedMail", request, durable);

    [Function("ListRejectedInbound")]
    public Task<IActionResult> ListRejectedInbound([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/rejected")] HttpRequest request, [DurableClient] DurableTaskClient durable) =>
        api.InvokeAsync("ListRejectedInbound", request, durable);
}
