using System.Security.Claims;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using SupportFunctions.App.Admin;
using SupportFunctions.App.Hosting;
using SupportFunctions.App.Security;
using SupportFunctions.Domain.Directory;
using SupportFunctions.Storage;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Partners;

public static class PartnersApi
{
    private const int MaxOverlapMinutes = 30 * 24 * 60;

    /// <summary>
    /// <c>/api/partners/me</c>: a partner's own users, API keys, and the customer accounts it created with their support
    /// contacts, contacts and cases. Any account the partner did not create is 404 on every route, exactly like an id
    /// that does not exist, so a partner cannot learn which accounts exist.
    /// </summary>
    public static RouteGroupBuilder MapPartners(this RouteGroupBuilder group)
    {
        group.MapGet("/", Me).WithName("GetMyPartner").Produces<Partner>();
        group.MapGet("/users", FindUsers).WithName("FindPartnerUsers").WithSummary("Your users whose name (or a word of it) or email starts with prefix; all of them without one.").Produces<IReadOnlyList<PartnerUser>>();
        group.MapPost("/users", CreateUser).WithName("CreateMyPartnerUser").Accepts<PartnerUserRequest>("application/json").Produces<PartnerUser>(201).ProducesValidationProblem(422);
        group.MapDelete("/users/{userId}", DeleteUser).WithName("DeleteMyPartnerUser").Produces(204).ProducesProblem(404);
        group.MapGet("/keys", ListKeys).WithName("ListMyKeys").Produces<IReadOnlyList<PartnerKeyView>>();
        group.MapPost("/keys", CreateKey).WithName("CreateMyKey").WithSummary("An additional key; shown in the answer once and never again.").Accepts<NewKeyRequest>("application/json").Produces<IssuedKey>(201);
        group.MapPost("/keys/{keyId}/rotate", RotateKey).WithName("RotateMyKey").WithSummary("A new key now; the old one keeps working for overlapMinutes (default 1440).").Accepts<RotateKeyRequest>("application/json").Produces<RotatedKey>(201);
        group.MapDelete("/keys/{keyId}", RevokeKey).WithName("RevokeMyKey").Produces(204);
        group.MapPost("/accounts", CreateAccount).WithName("CreatePartnerAccount").WithSummary("Create a customer account; at least one support contact (a user of yours or an email address) is required.").Accepts<PartnerAccountRequest>("application/json").Produces<PartnerAccountView>(201).ProducesValidationProblem(422);
        group.MapGet("/accounts", ListAccounts).WithName("ListPartnerAccounts").Produces<IReadOnlyList<PartnerAccountView>>();
        group.MapGet("/accounts/{accountId}", GetAccount).WithName("GetPartnerAccount").Produces<PartnerAccountView>();
        group.MapPatch("/accounts/{accountId}", UpdateAccount).WithName("UpdatePartnerAccount").WithSummary("JSON Merge Patch; If-Match with the ETag to update only what you read.").Accepts<PartnerAccountRequest>("application/merge-patch+json").Produces<PartnerAccountView>().ProducesValidationProblem(422);
        group.MapGet("/accounts/{accountId}/support-contacts", ListSupportContacts).WithName("ListSupportContacts").Produces<IReadOnlyList<SupportContactView>>();
        group.MapPut("/accounts/{accountId}/support-contacts", ReplaceSupportContacts).WithName("ReplaceSupportContacts").Accepts<SupportContactsRequest>("application/json").Produces<IReadOnlyList<SupportContactView>>().ProducesValidationProblem(422);
        group.MapPost("/accounts/{accountId}/support-contacts", AddSupportContact).WithName("AddSupportContact").Accepts<SupportContact>("application/json").Produces<IReadOnlyList<SupportContactView>>().ProducesValidationProblem(422);
        group.MapDelete("/accounts/{accountId}/support-contacts/{key}", RemoveSupportContact).WithName("RemoveSupportContact").Produces<IReadOnlyList<SupportContactView>>();
        group.MapGet("/accounts/{accountId}/contacts", ListContacts).WithName("ListPartnerAccountContacts").Produces<IReadOnlyList<Contact>>();
        group.MapPost("/accounts/{accountId}/contacts", CreateContact).WithName("CreatePartnerAccountContact").Accepts<ContactRequest>("application/json").Produces<Contact>(201).ProducesValidationProblem(422);
        group.MapGet("/accounts/{accountId}/cases", ListCases).WithName("ListPartnerAccountCases").WithSummary("The account's cases, newest first; pageSize 1–100 (default 25) and continuationToken.").Produces<PartnerCasePage>();
        return group;
    }

    private static async Task<IResult> Me(ClaimsPrincipal user, DirectoryRepository directory, CancellationToken cancellationToken)
    {
        var partnerId = Caller.From(user).Id;
        return await directory.GetPartnerAsync(partnerId, cancellationToken) is { } partner ? TypedResults.Ok(partner) : Problems.NotFound($"There is no partner {partnerId}.");
    }

    private static async Task<IResult> FindUsers(string? prefix, ClaimsPrincipal user, DirectoryRepository directory, CancellationToken cancellationToken)
    {
        var users = await directory.ListPartnerUsersAsync(Caller.From(user).Id, cancellationToken);
        return TypedResults.Ok(string.IsNullOrWhiteSpace(prefix) ? users : users.Where(u => u.Matches(prefix.Trim())).ToList());
    }

    private static Task<IResult> CreateUser(ClaimsPrincipal user, HttpRequest http, DirectoryRepository directory, IOptions<JsonOptions> json, CancellationToken cancellationToken) =>
        PartnerRules.CreateUserAsync(Caller.From(user).Id, http, directory, json.Value.SerializerOptions, "/api/partners/me/users", cancellationToken);

    private static async Task<IResult> DeleteUser(string userId, ClaimsPrincipal user, DirectoryRepository directory, CancellationToken cancellationToken)
    {
        // Another partner's user is as unknown here as one that never existed: 404 either way, like every other route.
        return await directory.DeletePartnerUserAsync(Caller.From(user).Id, userId, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound($"You have no user {userId}.");
    }

    private static async Task<IResult> ListKeys(ClaimsPrincipal user, ApiKeyRepository keys, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var mine = await keys.ListAsync("partner", Caller.From(user).Id, cancellationToken);
        return TypedResults.Ok(mine.Select(k => new PartnerKeyView(k.KeyId, k.Label, k.CreatedAt, k.ExpiresAt, k.RevokedAt, k.RevokedAt is null && (k.ExpiresAt is null || k.ExpiresAt > now))).ToList());
    }

    private static async Task<IResult> CreateKey(ClaimsPrincipal user, HttpRequest http, ApiKeyRepository keys, TimeProvider time, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonRequest.ReadAsync<NewKeyRequest>(http, json.Value.SerializerOptions, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (request!.ExpiresAt is { } expires && expires <= time.GetUtcNow())
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["expiresAt"] = ["must be in the future"] });
        }

        var issued = await IssueAsync(Caller.From(user).Id, request.Label, request.ExpiresAt, keys, time, cancellationToken);
        http.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/partners/me/keys/{issued.KeyId}", issued);
    }

    private static async Task<IResult> RotateKey(string keyId, ClaimsPrincipal user, HttpRequest http, [AsParameters] KeyRotationServices services, CancellationToken cancellationToken)
    {
        var (keys, time, json, loggers) = services;
        var partnerId = Caller.From(user).Id;
        var old = await OwnKeyAsync(keyId, partnerId, keys, cancellationToken);
        if (old is null)
        {
            return Problems.NotFound($"You have no key {keyId}.");
        }

        var (request, problem) = await JsonRequest.ReadAsync<RotateKeyRequest>(http, json.Value.SerializerOptions, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        if (request!.OverlapMinutes is < 0 or > MaxOverlapMinutes)
        {
            errors["overlapMinutes"] = [$"must be between 0 and {MaxOverlapMinutes} (30 days)"];
        }

        if (old.RevokedAt is not null || old.ExpiresAt <= now)
        {
            errors["keyId"] = ["is no longer active; create a new key instead"];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        // New key first: a failure before the old one's expiry is set leaves two working keys, never none.
        var issued = await IssueAsync(partnerId, request.Label ?? old.Label, old.ExpiresAt, keys, time, cancellationToken);
        var oldExpiry = (await keys.ExpireAsync(keyId, now + TimeSpan.FromMinutes(request.OverlapMinutes ?? 1440), cancellationToken))!.ExpiresAt!.Value;
        Logs.PartnerKeyRotated(loggers.CreateLogger(typeof(PartnersApi)), partnerId, keyId, issued.KeyId, oldExpiry);
        http.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/partners/me/keys/{issued.KeyId}", new RotatedKey(issued, keyId, oldExpiry));
    }

    private static async Task<IResult> RevokeKey(string keyId, ClaimsPrincipal user, ApiKeyRepository keys, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await OwnKeyAsync(keyId, Caller.From(user).Id, keys, cancellationToken) is null)
        {
            return Problems.NotFound($"You have no key {keyId}.");
        }

        await keys.RevokeAsync(keyId, time.GetUtcNow(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> CreateAccount(ClaimsPrincipal user, HttpRequest http, [AsParameters] PartnerDirectoryServices services, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var (directory, contacts, json) = services;
        var partnerId = Caller.From(user).Id;
        var (request, problem) = await JsonRequest.ReadAsync<PartnerAccountRequest>(http, json.Value.SerializerOptions, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Domain.Cases.ErrorMap();
        errors.AddAll(DirectoryRules.Check(AsAccountRequest(request!)));
        var (checkedContacts, contactErrors) = await contacts.CheckAsync(partnerId, request!.SupportContacts, cancellationToken);
        errors.AddAll(contactErrors.ToDictionary());
        if (errors.Count > 0)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var account = ToAccount(request, request.Id ?? AdminApi.NewId("acc"), partnerId, checkedContacts);
        try
        {
            http.HttpContext.Response.Headers.ETag = await directory.CreatePartnerAccountAsync(account, cancellationToken);
        }
        catch (StorageConflictException)
        {
            // Another partner's (or the vendor's) id is "taken" without saying by whom.
            return Problems.Conflict($"The account id {account.Id} is taken; choose another or leave id out.");
        }

        Logs.PartnerAccountCreated(loggers.CreateLogger(typeof(PartnersApi)), partnerId, account.Id, checkedContacts.Count);
        return TypedResults.Created($"/api/partners/me/accounts/{account.Id}", await contacts.ViewAsync(account, cancellationToken));
    }

    private static async Task<IResult> ListAccounts(ClaimsPrincipal user, DirectoryRepository directory, SupportContactDirectory contacts, CancellationToken cancellationToken)
    {
        var partnerId = Caller.From(user).Id;
        return TypedResults.Ok(await contacts.ViewsOfAsync(partnerId, await directory.ListPartnerAccountsAsync(partnerId, cancellationToken), cancellationToken));
    }

    private static async Task<IResult> GetAccount(string accountId, ClaimsPrincipal user, HttpResponse response, DirectoryRepository directory, SupportContactDirectory contacts, CancellationToken cancellationToken)
    {
        var (found, problem) = await OwnAccountAsync(accountId, user, directory, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        response.Headers.ETag = found!.Value.ETag;
        return TypedResults.Ok(await contacts.ViewAsync(found.Value.Account, cancellationToken));
    }

    private static async Task<IResult> UpdateAccount(string accountId, ClaimsPrincipal user, HttpRequest http, [AsParameters] PartnerDirectoryServices services, CancellationToken cancellationToken)
    {
        var (directory, contacts, json) = services;
        var (found, problem) = await OwnAccountAsync(accountId, user, directory, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var current = found!.Value.Account;
        var (request, patchProblem) = await JsonRequest.PatchAsync(http, new PartnerAccountRequest(current.Id, current.Name, current.TimeZone, current.Region, current.Language, current.ContractStatus, current.SupportContacts), json.Value.SerializerOptions, cancellationToken);
        if (patchProblem is not null)
        {
            return patchProblem;
        }

        var errors = new Domain.Cases.ErrorMap();
        errors.AddAll(DirectoryRules.Check(AsAccountRequest(request!)));
        if (request!.Id != accountId)
        {
            errors.Add("id", "cannot be changed");
        }

        var (checkedContacts, contactErrors) = await contacts.CheckAsync(current.PartnerId!, request.SupportContacts, cancellationToken);
        errors.AddAll(contactErrors.ToDictionary());
        if (errors.Count > 0)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var updated = ToAccount(request, accountId, current.PartnerId!, checkedContacts) with { CustomRoles = current.CustomRoles };
        try
        {
            http.HttpContext.Response.Headers.ETag = await directory.UpdateAccountAsync(updated, AdminApi.IfMatch(http) ?? found.Value.ETag, cancellationToken);
            return TypedResults.Ok(await contacts.ViewAsync(updated, cancellationToken));
        }
        catch (StorageConcurrencyException)
        {
            return Problems.PreconditionFailed("account");
        }
    }

    private static async Task<IResult> ListSupportContacts(string accountId, ClaimsPrincipal user, DirectoryRepository directory, SupportContactDirectory contacts, CancellationToken cancellationToken)
    {
        var (found, problem) = await OwnAccountAsync(accountId, user, directory, cancellationToken);
        return problem ?? TypedResults.Ok(await contacts.ViewsAsync(found!.Value.Account, cancellationToken));
    }

    private static async Task<IResult> ReplaceSupportContacts(string accountId, ClaimsPrincipal user, HttpRequest http, [AsParameters] PartnerDirectoryServices services, CancellationToken cancellationToken)
    {
        var (directory, contacts, json) = services;
        var (found, problem) = await OwnAccountAsync(accountId, user, directory, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (request, bodyProblem) = await JsonRequest.ReadAsync<SupportContactsRequest>(http, json.Value.SerializerOptions, cancellationToken);
        return bodyProblem ?? await contacts.ReplaceAsync(found!.Value.Account, AdminApi.IfMatch(http) ?? found.Value.ETag, request!.SupportContacts, http.HttpContext.Response, cancellationToken);
    }

    private static async Task<IResult> AddSupportContact(string accountId, ClaimsPrincipal user, HttpRequest http, [AsParameters] PartnerDirectoryServices services, CancellationToken cancellationToken)
    {
        var (directory, contacts, json) = services;
        var (found, problem) = await OwnAccountAsync(accountId, user, directory, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (contact, bodyProblem) = await JsonRequest.ReadAsync<SupportContact>(http, json.Value.SerializerOptions, cancellationToken);
        return bodyProblem ?? await contacts.AddAsync(found!.Value.Account, AdminApi.IfMatch(http) ?? found.Value.ETag, contact!, http.HttpContext.Response, cancellationToken);
    }

    private static async Task<IResult> RemoveSupportContact(string accountId, string key, ClaimsPrincipal user, HttpRequest http, [AsParameters] PartnerDirectoryServices services, CancellationToken cancellationToken)
    {
        var (directory, contacts, _) = services;
        var (found, problem) = await OwnAccountAsync(accountId, user, directory, cancellationToken);
        return problem ?? await contacts.RemoveAsync(found!.Value.Account, AdminApi.IfMatch(http) ?? found.Value.ETag, key, http.HttpContext.Response, cancellationToken);
    }

    private static async Task<IResult> ListContacts(string accountId, ClaimsPrincipal user, DirectoryRepository directory, CancellationToken cancellationToken)
    {
        var (_, problem) = await OwnAccountAsync(accountId, user, directory, cancellationToken);
        return problem ?? TypedResults.Ok(await directory.ListContactsAsync(accountId, cancellationToken));
    }

    private static async Task<IResult> CreateContact(string accountId, ClaimsPrincipal user, HttpRequest http, DirectoryRepository directory, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var (_, problem) = await OwnAccountAsync(accountId, user, directory, cancellationToken);
        return problem ?? await AdminApi.CreateContactAsync(accountId, http, directory, json.Value.SerializerOptions, $"/api/partners/me/accounts/{accountId}/contacts", cancellationToken);
    }

    private static async Task<IResult> ListCases(string accountId, int? pageSize, string? continuationToken, ClaimsPrincipal user, [AsParameters] PartnerCaseReads reads, CancellationToken cancellationToken)
    {
        var (directory, index, cases) = reads;
        var (_, problem) = await OwnAccountAsync(accountId, user, directory, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (pageSize is < 1 or > 100)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["pageSize"] = ["must be between 1 and 100"] });
        }

        var (numbers, next) = await index.PageAsync(CaseIndexRepository.AccountList(accountId), pageSize ?? 25, continuationToken, cancellationToken);
        var items = new List<PartnerCaseSummary>();
        foreach (var number in numbers)
        {
            if (await cases.GetAsync(number, cancellationToken) is { } stored && stored.Case.AccountId == accountId)
            {
                var c = stored.Case;
                items.Add(new PartnerCaseSummary(c.Number, c.Subject, c.Status.ToString(), c.Severity, c.Category, c.CreatedAt, c.UpdatedAt));
            }
        }

        return TypedResults.Ok(new PartnerCasePage(items, next));
    }

    /// <summary>The account when the calling partner created it; otherwise the same 404 an unknown id gets.</summary>
    private static async Task<((CustomerAccount Account, string ETag)? Found, IResult? Problem)> OwnAccountAsync(string accountId, ClaimsPrincipal user, DirectoryRepository directory, CancellationToken cancellationToken)
    {
        var found = await directory.GetAccountAsync(accountId, cancellationToken);
        return found is { Account.PartnerId: { } owner } && owner == Caller.From(user).Id
            ? (found, null)
            : (null, Problems.NotFound($"There is no account {accountId}."));
    }

    private static async Task<ApiKeyRecord?> OwnKeyAsync(string keyId, string partnerId, ApiKeyRepository keys, CancellationToken cancellationToken) =>
        await keys.GetAsync(keyId, cancellationToken) is { PrincipalKind: "partner" } key && key.PrincipalId == partnerId ? key : null;

    private static async Task<IssuedKey> IssueAsync(string partnerId, string? label, DateTimeOffset? expiresAt, ApiKeyRepository keys, TimeProvider time, CancellationToken cancellationToken)
    {
        var (key, keyId, hash) = ApiKeyFormat.Generate();
        await keys.CreateAsync(new ApiKeyRecord(keyId, hash, "partner", partnerId, null, label, time.GetUtcNow(), null, expiresAt), cancellationToken);
        return new IssuedKey(keyId, key, "partner", partnerId, null, expiresAt);
    }

    private static AccountRequest AsAccountRequest(PartnerAccountRequest r) => new(r.Id, r.Name, r.TimeZone, r.Region, r.Language, r.ContractStatus, null);

    private static CustomerAccount ToAccount(PartnerAccountRequest r, string id, string partnerId, IReadOnlyList<SupportContact> contacts) =>
        AdminApi.ToAccount(AsAccountRequest(r), id) with { PartnerId = partnerId, SupportContacts = contacts };
}

/// <summary>What rotating a partner's key works with, bound as one parameter.</summary>
public sealed record KeyRotationServices(ApiKeyRepository Keys, TimeProvider Time, IOptions<JsonOptions> Json, ILoggerFactory Loggers);

/// <summary>What listing a partner account's cases reads, bound as one parameter: the account, the case index, the cases.</summary>
public sealed record PartnerCaseReads(DirectoryRepository Directory, CaseIndexRepository Index, CaseRepository Cases);

/// <summary>What the partner's account endpoints work with, bound as one parameter: the directory, the support contacts, the JSON settings.</summary>
public sealed record PartnerDirectoryServices(DirectoryRepository Directory, SupportContactDirectory Contacts, IOptions<JsonOptions> Json);
