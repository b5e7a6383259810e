using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using SupportFunctions.App.Hosting;
using SupportFunctions.App.Security;
using SupportFunctions.Domain.Directory;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Storage;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Admin;

public static class AdminApi
{
    /// <summary><c>/api/admin</c>: customer accounts and contacts, agents, and API keys. Administrators only.</summary>
    public static RouteGroupBuilder MapAdmin(this RouteGroupBuilder group)
    {
        group.MapPost("/accounts", CreateAccount).WithName("CreateAccount").Accepts<AccountRequest>("application/json").Produces<CustomerAccount>(201).ProducesValidationProblem(422);
        group.MapGet("/accounts", ListAccounts).WithName("ListAccounts").WithSummary("Accounts, paged (pageSize 1–100, continuationToken); namePrefix=Acme keeps those whose name starts so (case-sensitive).").Produces<AccountPage>();
        group.MapGet("/agents", ListAgents).WithName("ListAgents").WithSummary("Every support agent with their teams.").Produces<IReadOnlyList<SupportAgent>>();
        group.MapGet("/keys", ListKeys).WithName("ListApiKeys").WithSummary("API keys, never their secret: id, principal, account, label, created, expiry, revocation, active now; principalKind and principalId filter; paged.").Produces<ApiKeyPage>();
        group.MapGet("/accounts/{accountId}", GetAccount).WithName("GetAccount").Produces<CustomerAccount>();
        group.MapPut("/accounts/{accountId}/phone-pin", SetPhonePin).WithName("SetAccountPhonePin").WithSummary("{\"pin\": 4–12 digits}: the PIN callers key in to verify themselves on PIN lines (stored hashed, never shown).").Accepts<PhonePinRequest>("application/json").Produces(204).ProducesValidationProblem(422);
        group.MapPatch("/accounts/{accountId}", UpdateAccount).WithName("UpdateAccount").WithSummary("JSON Merge Patch; If-Match with the ETag to update only what you read.").Accepts<AccountRequest>("application/merge-patch+json").Produces<CustomerAccount>();
        group.MapPost("/accounts/{accountId}/contacts", CreateContact).WithName("CreateContact").Accepts<ContactRequest>("application/json").Produces<Contact>(201).ProducesValidationProblem(422);
        group.MapGet("/accounts/{accountId}/contacts", ListContacts).WithName("ListContacts").Produces<IReadOnlyList<Contact>>();
        group.MapGet("/accounts/{accountId}/contacts/{contactId}", GetContact).WithName("GetContact").Produces<Contact>();
        group.MapPatch("/accounts/{accountId}/contacts/{contactId}", UpdateContact).WithName("UpdateContact").WithSummary("JSON Merge Patch; If-Match with the ETag to update only what you read.").Accepts<ContactRequest>("application/merge-patch+json").Produces<Contact>();
        group.MapPost("/agents", CreateAgent).WithName("CreateAgent").Accepts<AgentRequest>("application/json").Produces<SupportAgent>(201).ProducesValidationProblem(422);
        group.MapPatch("/agents/{agentId}", UpdateAgent).WithName("UpdateAgent").WithSummary("JSON Merge Patch; If-Match with the ETag to update only what you read.").Accepts<AgentRequest>("application/merge-patch+json").Produces<SupportAgent>();
        group.MapPost("/keys", CreateKey).WithName("CreateApiKey").WithSummary("Issue an API key; the key is in the answer once and never again.").Accepts<KeyRequest>("application/json").Produces<IssuedKey>(201);
        group.MapDelete("/keys/{keyId}", RevokeKey).WithName("RevokeApiKey").Produces(204);
        return group;
    }

    private static async Task<IResult> CreateAccount(HttpRequest http, DirectoryRepository directory, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonRequest.ReadAsync<AccountRequest>(http, json.Value.SerializerOptions, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var errors = DirectoryRules.Check(request!);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var account = ToAccount(request!, request!.Id ?? NewId("acc"));
        try
        {
            var etag = await directory.CreateAccountAsync(account, cancellationToken);
            http.HttpContext.Response.Headers.ETag = etag;
            return TypedResults.Created($"/api/admin/accounts/{account.Id}", account);
        }
        catch (StorageConflictException)
        {
            return Problems.Conflict($"Account {account.Id} already exists.");
        }
    }

    private static async Task<IResult> GetAccount(string accountId, HttpResponse response, DirectoryRepository directory, CancellationToken cancellationToken)
    {
        var found = await directory.GetAccountAsync(accountId, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"There is no account {accountId}.");
        }

        response.Headers.ETag = found.Value.ETag;
        return TypedResults.Ok(found.Value.Account);
    }

    private static async Task<IResult> UpdateAccount(string accountId, HttpRequest http, DirectoryRepository directory, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var found = await directory.GetAccountAsync(accountId, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"There is no account {accountId}.");
        }

        var current = found.Value.Account;
        var (request, problem) = await JsonRequest.PatchAsync(http, new AccountRequest(current.Id, current.Name, current.TimeZone, current.Region, current.Language, current.ContractStatus, current.CustomRoles), json.Value.SerializerOptions, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var errors = DirectoryRules.Check(request!);
        if (request!.Id != accountId)
        {
            errors["id"] = ["cannot be changed"];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        // Who created the account and its support contacts are not account fields an administrator patches here.
        var updated = ToAccount(request, accountId) with { PartnerId = current.PartnerId, SupportContacts = current.SupportContacts };
        try
        {
            http.HttpContext.Response.Headers.ETag = await directory.UpdateAccountAsync(updated, IfMatch(http) ?? found.Value.ETag, cancellationToken);
            return TypedResults.Ok(updated);
        }
        catch (StorageConcurrencyException)
        {
            return Problems.PreconditionFailed("account");
        }
    }

    private static async Task<IResult> SetPhonePin(string accountId, HttpRequest http, DirectoryRepository directory, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        if (await directory.GetAccountAsync(accountId, cancellationToken) is null)
        {
            return Problems.NotFound($"There is no account {accountId}.");
        }

        var (request, problem) = await JsonRequest.ReadAsync<PhonePinRequest>(http, json.Value.SerializerOptions, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!PhonePin.IsWellFormed(request!.Pin))
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["pin"] = ["must be 4 to 12 digits"] });
        }

        await directory.SetPhonePinHashAsync(accountId, PhonePin.Hash(request.Pin!), cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> CreateContact(string accountId, HttpRequest http, DirectoryRepository directory, IOptions<JsonOptions> json, CancellationToken cancellationToken) =>
        await directory.GetAccountAsync(accountId, cancellationToken) is null
            ? Problems.NotFound($"There is no account {accountId}.")
            : await CreateContactAsync(accountId, http, directory, json.Value.SerializerOptions, $"/api/admin/accounts/{accountId}/contacts", cancellationToken);

    /// <summary>Adds a contact to an account the caller may manage (the caller checked that); <paramref name="location"/> is its collection's path.</summary>
    internal static async Task<IResult> CreateContactAsync(string accountId, HttpRequest http, DirectoryRepository directory, System.Text.Json.JsonSerializerOptions json, string location, CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonRequest.ReadAsync<ContactRequest>(http, json, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var errors = DirectoryRules.Check(request!);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var contact = ToContact(request!, accountId, request!.Id ?? NewId("con"));
        try
        {
            http.HttpContext.Response.Headers.ETag = await directory.CreateContactAsync(contact, cancellationToken);
            return TypedResults.Created($"{location}/{contact.Id}", contact);
        }
        catch (StorageConflictException ex)
        {
            return ex.ErrorCode == "EmailInUse"
                ? Problems.Validation(new Dictionary<string, string[]> { ["email"] = [$"{contact.Email} already belongs to another contact"] })
                : Problems.Conflict($"Contact {contact.Id} already exists.");
        }
    }

    private static async Task<IResult> ListContacts(string accountId, DirectoryRepository directory, CancellationToken cancellationToken) =>
        await directory.GetAccountAsync(accountId, cancellationToken) is null
            ? Problems.NotFound($"There is no account {accountId}.")
            : TypedResults.Ok(await directory.ListContactsAsync(accountId, cancellationToken));

    private static async Task<IResult> GetContact(string accountId, string contactId, HttpResponse response, DirectoryRepository directory, CancellationToken cancellationToken)
    {
        var found = await directory.GetContactAsync(accountId, contactId, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"There is no contact {contactId} in account {accountId}.");
        }

        response.Headers.ETag = found.Value.ETag;
        return TypedResults.Ok(found.Value.Contact);
    }

    private static async Task<IResult> UpdateContact(string accountId, string contactId, HttpRequest http, DirectoryRepository directory, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var found = await directory.GetContactAsync(accountId, contactId, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"There is no contact {contactId} in account {accountId}.");
        }

        var c = found.Value.Contact;
        var currentRequest = new ContactRequest(c.Id, c.Name, c.Email, c.Phone, c.Roles, c.Designated, c.Registered, c.CredentialsExpireAt, c.SsoOnly, c.BreakGlass, c.MaySendNotifications, c.Language, c.TimeZone);
        var (request, problem) = await JsonRequest.PatchAsync(http, currentRequest, json.Value.SerializerOptions, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var errors = DirectoryRules.Check(request!);
        if (request!.Id != contactId)
        {
            errors["id"] = ["cannot be changed"];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var updated = ToContact(request, accountId, contactId);
        try
        {
            http.HttpContext.Response.Headers.ETag = await directory.UpdateContactAsync(c, updated, IfMatch(http) ?? found.Value.ETag, cancellationToken);
            return TypedResults.Ok(updated);
        }
        catch (StorageConcurrencyException)
        {
            return Problems.PreconditionFailed("contact");
        }
        catch (StorageConflictException ex) when (ex.ErrorCode == "EmailInUse")
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["email"] = [$"{updated.Email} already belongs to another contact"] });
        }
    }

    private static async Task<IResult> CreateAgent(HttpRequest http, DirectoryRepository directory, SupportPolicy policy, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonRequest.ReadAsync<AgentRequest>(http, json.Value.SerializerOptions, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var errors = DirectoryRules.Check(request!, policy);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var agent = new SupportAgent { Id = request!.Id ?? NewId("agt"), Name = request.Name.Trim(), Email = request.Email.Trim(), Teams = request.Teams ?? [] };
        try
        {
            await directory.CreateAgentAsync(agent, cancellationToken);
            return TypedResults.Created($"/api/admin/agents/{agent.Id}", agent);
        }
        catch (StorageConflictException)
        {
            return Problems.Conflict($"Agent {agent.Id} already exists.");
        }
    }

    /// <summary><c>GET /api/admin/agents/{agentId}</c>: administrators read any agent; an agent reads its own profile.</summary>
    public static RouteGroupBuilder MapAgentProfiles(this RouteGroupBuilder group)
    {
        group.MapGet("/agents/{agentId}", GetAgent).WithName("GetAgent").WithSummary("An agent's profile with its ETag: administrators read any agent, an agent its own.").Produces<SupportAgent>();
        return group;
    }

    private static async Task<IResult> GetAgent(string agentId, ClaimsPrincipal user, HttpResponse response, DirectoryRepository directory, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (caller.Kind == PrincipalKind.Agent && !string.Equals(caller.Id, agentId, StringComparison.Ordinal))
        {
            return Problems.Forbidden($"An agent reads only its own profile (/api/admin/agents/{caller.Id}); {agentId} is another agent.");
        }

        var found = await directory.GetAgentWithETagAsync(agentId, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"There is no agent {agentId}.");
        }

        response.Headers.ETag = found.Value.ETag;
        return TypedResults.Ok(found.Value.Agent);
    }

    private static async Task<IResult> UpdateAgent(string agentId, HttpRequest http, DirectoryRepository directory, SupportPolicy policy, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var found = await directory.GetAgentWithETagAsync(agentId, cancellationToken);
        if (found is null)
        {
            return Problems.NotFound($"There is no agent {agentId}.");
        }

        var a = found.Value.Agent;
        var (request, problem) = await JsonRequest.PatchAsync(http, new AgentRequest(a.Id, a.Name, a.Email, a.Teams), json.Value.SerializerOptions, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var errors = DirectoryRules.Check(request!, policy);
        if (request!.Id != agentId)
        {
            errors["id"] = ["cannot be changed"];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var updated = new SupportAgent { Id = agentId, Name = request.Name.Trim(), Email = request.Email.Trim(), Teams = request.Teams ?? [] };
        try
        {
            http.HttpContext.Response.Headers.ETag = await directory.UpdateAgentAsync(updated, IfMatch(http) ?? found.Value.ETag, cancellationToken);
            return TypedResults.Ok(updated);
        }
        catch (StorageConcurrencyException)
        {
            return Problems.PreconditionFailed("agent");
        }
    }

    private static async Task<IResult> CreateKey(HttpRequest http, DirectoryRepository directory, ApiKeyRepository keys, TimeProvider time, IOptions<JsonOptions> json, CancellationToken cancellationToken)
    {
        var (request, problem) = await JsonRequest.ReadAsync<KeyRequest>(http, json.Value.SerializerOptions, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!Enum.TryParse<PrincipalKind>(request!.PrincipalKind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["principalKind"] = ["must be contact, agent, admin or partner"] });
        }

        var exists = kind switch
        {
            PrincipalKind.Contact => request.AccountId is not null && await directory.GetContactAsync(request.AccountId, request.PrincipalId, cancellationToken) is not null,
            PrincipalKind.Agent => await directory.GetAgentAsync(request.PrincipalId, cancellationToken) is not null,
            PrincipalKind.Partner => await directory.GetPartnerAsync(request.PrincipalId, cancellationToken) is not null,
            _ => !string.IsNullOrWhiteSpace(request.PrincipalId),
        };
        if (!exists)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["principalId"] = [kind == PrincipalKind.Contact ? "must name an existing contact of accountId" : $"must name an existing {kind.ToString().ToLowerInvariant()}"] });
        }

        var now = time.GetUtcNow();
        if (request.ExpiresAt is { } expires && expires <= now)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["expiresAt"] = ["must be in the future"] });
        }

        var (key, keyId, hash) = ApiKeyFormat.Generate();
        var accountId = kind == PrincipalKind.Contact ? request.AccountId : null;
        await keys.CreateAsync(new ApiKeyRecord(keyId, hash, kind.ToString().ToLowerInvariant(), request.PrincipalId, accountId, request.Label, now, null, request.ExpiresAt), cancellationToken);
        http.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/admin/keys/{keyId}", new IssuedKey(keyId, key, kind.ToString().ToLowerInvariant(), request.PrincipalId, accountId, request.ExpiresAt));
    }

    private static async Task<Results<Ok<AccountPage>, ProblemHttpResult>> ListAccounts(DirectoryRepository directory, CancellationToken cancellationToken, string? namePrefix = null, int pageSize = 25, string? continuationToken = null)
    {
        if (pageSize is < 1 or > 100)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["pageSize"] = ["must be between 1 and 100"] });
        }

        var (items, next) = await directory.PageAccountsAsync(namePrefix, pageSize, continuationToken, cancellationToken);
        return TypedResults.Ok(new AccountPage(items, next));
    }

    private static async Task<Ok<IReadOnlyList<SupportAgent>>> ListAgents(DirectoryRepository directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(await directory.ListAgentsAsync(cancellationToken));

    private static async Task<Results<Ok<ApiKeyPage>, ProblemHttpResult>> ListKeys(ApiKeyRepository keys, TimeProvider time, CancellationToken cancellationToken, string? principalKind = null, string? principalId = null, int pageSize = 50, string? continuationToken = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (pageSize is < 1 or > 100)
        {
            errors["pageSize"] = ["must be between 1 and 100"];
        }

        if (principalKind is not null && !Enum.TryParse<PrincipalKind>(principalKind, ignoreCase: true, out _))
        {
            errors["principalKind"] = [$"must be one of {string.Join(", ", Enum.GetNames<PrincipalKind>().Select(n => n.ToLowerInvariant()))}"];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var (items, next) = await keys.PageAsync(principalKind?.ToLowerInvariant(), principalId, pageSize, continuationToken, cancellationToken);
        var now = time.GetUtcNow();
        return TypedResults.Ok(new ApiKeyPage(items.Select(k => ApiKeyView.From(k, now)).ToList(), next));
    }

    private static async Task<IResult> RevokeKey(string keyId, ApiKeyRepository keys, TimeProvider time, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(keyId, time.GetUtcNow(), cancellationToken) ? TypedResults.NoContent() : Problems.NotFound($"There is no key {keyId}.");

    internal static CustomerAccount ToAccount(AccountRequest r, string id) => new()
    {
        Id = id,
        Name = r.Name.Trim(),
        TimeZone = r.TimeZone ?? "UTC",
        Region = r.Region,
        Language = r.Language ?? "en",
        ContractStatus = r.ContractStatus ?? ContractStatus.Active,
        CustomRoles = r.CustomRoles ?? new Dictionary<string, string>(),
    };

    private static Contact ToContact(ContactRequest r, string accountId, string id) => new()
    {
        Id = id,
        AccountId = accountId,
        Name = r.Name.Trim(),
        Email = r.Email.Trim(),
        Phone = r.Phone,
        Roles = r.Roles ?? [],
        Designated = r.Designated ?? false,
        Registered = r.Registered ?? true,
        CredentialsExpireAt = r.CredentialsExpireAt,
        SsoOnly = r.SsoOnly ?? false,
        BreakGlass = r.BreakGlass ?? false,
        MaySendNotifications = r.MaySendNotifications ?? false,
        Language = r.Language,
        TimeZone = r.TimeZone,
    };

    internal static string? IfMatch(HttpRequest http) => http.Headers.IfMatch.FirstOrDefault();

    internal static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..12]}";
}
