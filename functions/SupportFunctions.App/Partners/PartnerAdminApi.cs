using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using SupportFunctions.App.Admin;
using SupportFunctions.App.Hosting;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Directory;
using SupportFunctions.Storage;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Partners;

public static class PartnerAdminApi
{
    /// <summary>
    /// <c>/api/admin</c>: partner organisations and their users, and the support contacts of partner-created accounts —
    /// which administrators may edit only on accounts a partner created. Administrators only.
    /// </summary>
    public static RouteGroupBuilder MapPartnerAdmin(this RouteGroupBuilder group)
    {
        group.MapPost("/partners", CreatePartner).WithName("CreatePartner").WithSummary("Register a partner; issue its first key with POST /api/admin/keys (principalKind partner).").Accepts<PartnerRequest>("application/json").Produces<Partner>(201).ProducesValidationProblem(422);
        group.MapGet("/partners/{partnerId}", GetPartner).WithName("GetPartner").Produces<Partner>();
        group.MapPost("/partners/{partnerId}/users", CreateUser).WithName("CreatePartnerUser").Accepts<PartnerUserRequest>("application/json").Produces<PartnerUser>(201).ProducesValidationProblem(422);
        group.MapGet("/partners/{partnerId}/users", ListUsers).WithName("ListPartnerUsers").Produces<IReadOnlyList<PartnerUser>>();
        group.MapGet("/accounts/{accountId}/support-contacts", ListContacts).WithName("AdminListSupportContacts").Produces<IReadOnlyList<SupportContactView>>();
        group.MapPut("/accounts/{accountId}/support-contacts", ReplaceContacts).WithName("AdminReplaceSupportContacts").WithSummary("Only for accounts a partner created (409 otherwise). If-Match with the account's ETag to update only what you read.").Accepts<SupportContactsRequest>("application/json").Produces<IReadOnlyList<SupportContactView>>().ProducesValidationProblem(422);
        group.MapPost("/accounts/{accountId}/support-contacts", AddContact).WithName("AdminAddSupportContact").Accepts<SupportContact>("application/json").Produces<IReadOnlyList<SupportContactView>>().ProducesValidationProblem(422);
        group.MapDelete("/accounts/{accountId}/support-contacts/{key}", RemoveContact).WithName("AdminRemoveSupportContact").Produces<IReadOnlyList<SupportContactView>>();
        return group;
    }

    private static async Task<IResult> CreatePartner(HttpRequest http, DirectoryRepository directory, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonRequest.ReadAsync<PartnerRequest>(http, json.Value.SerializerOptions, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var errors = PartnerRules.Check(request!);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var partner = new Partner { Id = request!.Id ?? AdminApi.NewId("ptn"), Name = request.Name.Trim() };
        try
        {
            await directory.CreatePartnerAsync(partner, cancellationToken);
            return TypedResults.Created($"/api/admin/partners/{partner.Id}", partner);
        }
        catch (StorageConflictException)
        {
            return Problems.Conflict($"Partner {partner.Id} already exists.");
        }
    }

    private static async Task<IResult> GetPartner(string partnerId, DirectoryRepository directory, CancellationToken cancellationToken) =>
        await directory.GetPartnerAsync(partnerId, cancellationToken) is { } partner ? TypedResults.Ok(partner) : Problems.NotFound($"There is no partner {partnerId}.");

    private static async Task<IResult> CreateUser(string partnerId, HttpRequest http, DirectoryRepository directory, IOptions<JsonOptions> json, CancellationToken cancellationToken) =>
        await directory.GetPartnerAsync(partnerId, cancellationToken) is null
            ? Problems.NotFound($"There is no partner {partnerId}.")
            : await PartnerRules.CreateUserAsync(partnerId, http, directory, json.Value.SerializerOptions, $"/api/admin/partners/{partnerId}/users", cancellationToken);

    private static async Task<IResult> ListUsers(string partnerId, DirectoryRepository directory, CancellationToken cancellationToken) =>
        await directory.GetPartnerAsync(partnerId, cancellationToken) is null
            ? Problems.NotFound($"There is no partner {partnerId}.")
            : TypedResults.Ok(await directory.ListPartnerUsersAsync(partnerId, cancellationToken));

    private static async Task<IResult> ListContacts(string accountId, DirectoryRepository directory, SupportContactDirectory contacts, CancellationToken cancellationToken)
    {
        var (found, problem) = await PartnerCreatedAsync(accountId, directory, cancellationToken);
        return problem ?? TypedResults.Ok(await contacts.ViewsAsync(found!.Value.Account, cancellationToken));
    }

    private static async Task<IResult> ReplaceContacts(string accountId, HttpRequest http, DirectoryRepository directory, SupportContactDirectory contacts, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var (found, problem) = await PartnerCreatedAsync(accountId, directory, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (request, bodyProblem) = await JsonRequest.ReadAsync<SupportContactsRequest>(http, json.Value.SerializerOptions, cancellationToken);
        return bodyProblem ?? await contacts.ReplaceAsync(found!.Value.Account, AdminApi.IfMatch(http) ?? found.Value.ETag, request!.SupportContacts, http.HttpContext.Response, cancellationToken);
    }

    private static async Task<IResult> AddContact(string accountId, HttpRequest http, DirectoryRepository directory, SupportContactDirectory contacts, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var (found, problem) = await PartnerCreatedAsync(accountId, directory, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (contact, bodyProblem) = await JsonRequest.ReadAsync<SupportContact>(http, json.Value.SerializerOptions, cancellationToken);
        return bodyProblem ?? await contacts.AddAsync(found!.Value.Account, AdminApi.IfMatch(http) ?? found.Value.ETag, contact!, http.HttpContext.Response, cancellationToken);
    }

    private static async Task<IResult> RemoveContact(string accountId, string key, HttpRequest http, DirectoryRepository directory, SupportContactDirectory contacts, CancellationToken cancellationToken)
    {
        var (found, problem) = await PartnerCreatedAsync(accountId, directory, cancellationToken);
        return problem ?? await contacts.RemoveAsync(found!.Value.Account, AdminApi.IfMatch(http) ?? found.Value.ETag, key, http.HttpContext.Response, cancellationToken);
    }

    /// <summary>The account, if it exists and a partner created it: the only accounts whose support contacts an administrator edits.</summary>
    private static async Task<((CustomerAccount Account, string ETag)? Found, IResult? Problem)> PartnerCreatedAsync(string accountId, DirectoryRepository directory, CancellationToken cancellationToken)
    {
        var found = await directory.GetAccountAsync(accountId, cancellationToken);
        if (found is null)
        {
            return (null, Problems.NotFound($"There is no account {accountId}."));
        }

        return found.Value.Account.PartnerId is null
            ? (null, Problems.Conflict($"Account {accountId} was not created by a partner; support contacts exist only on partner-created accounts.", "not-partner-account"))
            : (found, null);
    }
}
