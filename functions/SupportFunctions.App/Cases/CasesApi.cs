using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SupportFunctions.App.Hosting;
using SupportFunctions.App.Security;
using SupportFunctions.App.Sla;
using SupportFunctions.App.Uploads;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Notifications;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Cases;

public static class CasesApi
{
    /// <summary>Largest create-case body: the policy's description limit plus room for fields and metadata.</summary>
    public const long MaxBodyBytes = 512 * 1024;

    /// <summary><c>/api/cases</c>: open, read, list (mine, cc, organization), audit trail, attachments.</summary>
    public static RouteGroupBuilder MapCases(this RouteGroupBuilder group)
    {
        group.MapPost("/", Create)
            .WithName("CreateCase")
            .WithSummary("Open a case. Every broken rule is reported at once (422). Send Idempotency-Key to make retries safe.")
            .Accepts<CreateCaseRequest>("application/json")
            .Produces<CaseView>(StatusCodes.Status201Created)
            .Produces<CaseView>(StatusCodes.Status200OK)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .RequireAuthorization(AccessPolicies.Contact);
        group.MapGet("/{number}", Get).WithName("GetCase").WithSummary("A case, if the caller may see it (404 otherwise).");
        group.MapGet("/", List).WithName("ListCases").WithSummary("The caller's cases: view=mine (requested), cc, or organization; status=Open,New (one or several) keeps only those; newest first, paged.");
        group.MapGet("/{number}/events", Events).WithName("GetCaseEvents").WithSummary("The audit trail: who changed what, when.");
        group.MapGet("/{number}/sla", Sla).WithName("GetCaseSla").WithSummary("SLA clocks: target, due (UTC and customer local), elapsed and remaining business time, state, and the pause ledger.");
        group.MapPost("/{number}/attachments", AddAttachment)
            .WithName("AddCaseAttachment")
            .WithSummary("JSON {fileName, contentType, size, kind}: a short-lived create-only upload URL; multipart/form-data: a direct upload of a small file.")
            .Accepts<UploadRequest>("application/json", "multipart/form-data")
            .DisableAntiforgery();
        group.MapPost("/{number}/attachments/{attachmentId}/confirm", ConfirmAttachment)
            .WithName("ConfirmCaseAttachment")
            .WithSummary("After PUTting the file to its upload URL: checks it exists and records its size.");
        return group;
    }

    /// <summary><c>/api/public/cases</c>: requests without an API key (general questions where the policy allows them).</summary>
    public static RouteGroupBuilder MapPublicCases(this RouteGroupBuilder group)
    {
        group.MapPost("/", CreateAnonymous)
            .WithName("CreateCaseAnonymously")
            .WithSummary("Open a case without an API key, giving requester.email; only categories the policy opens to anonymous requesters.")
            .Accepts<CreateCaseRequest>("application/json")
            .Produces<CaseView>(StatusCodes.Status201Created)
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .AllowAnonymous();
        return group;
    }

    private static Task<IResult> Create(HttpContext context, ClaimsPrincipal user, CaseIntakeService intake, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken cancellationToken) =>
        CreateAsync(context, Caller.From(user), intake, idempotencyKey, cancellationToken);

    private static Task<IResult> CreateAnonymous(HttpContext context, CaseIntakeService intake, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, CancellationToken cancellationToken) =>
        CreateAsync(context, null, intake, idempotencyKey, cancellationToken);

    private static async Task<IResult> CreateAsync(HttpContext context, Caller? caller, CaseIntakeService intake, string? idempotencyKey, CancellationToken cancellationToken)
    {
        if (idempotencyKey is { Length: 0 or > 200 })
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["Idempotency-Key"] = ["must be 1 to 200 characters"] });
        }

        var body = await JsonBody.ReadAsync(context.Request, MaxBodyBytes, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        using var document = body.Document!;
        var result = await intake.CreateAsync(caller, document.RootElement, body.Raw, "web", idempotencyKey, cancellationToken);
        return result switch
        {
            CaseCreation.Created created => TypedResults.Created($"/api/cases/{created.Case.Number}", created.Case),
            CaseCreation.Replayed replayed => TypedResults.Ok(replayed.Case),
            CaseCreation.Invalid invalid => Problems.Validation(invalid.Errors, invalid.Language is null ? null : CustomerTexts.Say(invalid.Language, "intake.invalid-detail", ("count", invalid.Errors.Count), ("fields", string.Join(", ", invalid.Errors.Keys)))),
            CaseCreation.Refused refused => Problems.Forbidden(refused.Reason),
            CaseCreation.KeyReused reused => Problems.Conflict($"This Idempotency-Key was already used for a different request (case {reused.CaseNumber}); use a new key for a new case.", "idempotency-key-reused"),
            _ => throw new InvalidOperationException("Unknown case creation outcome."),
        };
    }

    private static async Task<Results<Ok<CaseView>, ProblemHttpResult>> Get(string number, ClaimsPrincipal user, CaseRepository cases, CaseAccess access, CaseViews views, CancellationToken cancellationToken)
    {
        var found = await access.FindVisibleAsync(Caller.From(user), number, cancellationToken);
        return found is null ? NotFound(number) : TypedResults.Ok(await views.ViewAsync(found.Case, cancellationToken));
    }

    private static async Task<Results<Ok<CasePage>, ProblemHttpResult>> List(
        ClaimsPrincipal user,
        CaseIndexRepository index,
        CaseRepository cases,
        CaseAccess access,
        CaseViews views,
        SupportPolicy policy,
        CancellationToken cancellationToken,
        string view = "mine",
        int pageSize = 25,
        string? continuationToken = null,
        string? accountId = null,
        string[]? status = null)
    {
        var caller = Caller.From(user);
        if (pageSize is < 1 or > 100)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["pageSize"] = ["must be between 1 and 100"] });
        }

        // status=Open&status=New or status=Open,New: only cases in one of them (a page may then hold fewer than pageSize).
        var statuses = new HashSet<CaseStatus>();
        foreach (var name in (status ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!Enum.TryParse<CaseStatus>(name, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(name, out _))
            {
                return Problems.Validation(new Dictionary<string, string[]> { ["status"] = [$"\"{name}\" is not a status; one of {string.Join(", ", Enum.GetNames<CaseStatus>())}"] });
            }

            statuses.Add(parsed);
        }

        string list;
        if (caller.IsStaff)
        {
            if (view != "organization" || string.IsNullOrWhiteSpace(accountId))
            {
                return Problems.Validation(new Dictionary<string, string[]> { ["view"] = ["staff list an account's cases with view=organization&accountId=…"] });
            }

            list = CaseIndexRepository.AccountList(accountId);
        }
        else
        {
            var found = await access.ContactAsync(caller, cancellationToken);
            if (found is null)
            {
                return Problems.Forbidden("The contact this API key belongs to no longer exists.");
            }

            var (contact, account) = found.Value;
            switch (view)
            {
                case "mine":
                    list = CaseIndexRepository.RequesterList(contact.Id);
                    break;
                case "cc":
                    list = CaseIndexRepository.CcList(contact.Email);
                    break;
                case "organization" when Entitlement.SeesOrganization(policy, contact, account):
                    list = CaseIndexRepository.AccountList(account.Id);
                    break;
                case "organization":
                    return Problems.Forbidden($"Only {string.Join(" or ", policy.CaseViews.OrganizationViewRoles)} contacts see their organisation's cases.");
                default:
                    return Problems.Validation(new Dictionary<string, string[]> { ["view"] = ["must be mine, cc or organization"] });
            }
        }

        var (numbers, next) = await index.PageAsync(list, pageSize, continuationToken, cancellationToken);

        var items = new List<CaseView>();
        foreach (var stored in await Task.WhenAll(numbers.Distinct(StringComparer.Ordinal).Select(n => cases.GetAsync(n, cancellationToken))))
        {
            if (stored is not null && (statuses.Count == 0 || statuses.Contains(stored.Case.Status)) && await access.CanSeeAsync(caller, stored.Case, cancellationToken))
            {
                items.Add(await views.ViewAsync(stored.Case, cancellationToken));
            }
        }

        return TypedResults.Ok(new CasePage(items, next));
    }

    private static async Task<Results<Ok<IReadOnlyList<CaseEventView>>, ProblemHttpResult>> Events(string number, ClaimsPrincipal user, CaseRepository cases, CaseAccess access, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (await access.FindVisibleAsync(caller, number, cancellationToken) is null)
        {
            return NotFound(number);
        }

        var events = await cases.GetEventsAsync(number, cancellationToken);
        IReadOnlyList<CaseEventView> visible = events.Where(e => caller.IsStaff || e.Visibility == EventVisibility.Public).Select(CaseEventView.From).ToList();
        return TypedResults.Ok(visible);
    }

    private static async Task<Results<Ok<SlaView>, ProblemHttpResult>> Sla(string number, ClaimsPrincipal user, CaseRepository cases, CaseAccess access, SupportPolicy policy, TimeProvider time, CancellationToken cancellationToken)
    {
        var stored = await access.FindVisibleAsync(Caller.From(user), number, cancellationToken);
        return stored is null ? NotFound(number) : TypedResults.Ok(SlaView.From(stored.Case, policy, time.GetUtcNow()));
    }

    private static async Task<IResult> AddAttachment(string number, HttpContext context, ClaimsPrincipal user, [AsParameters] CaseFileServices services, CancellationToken cancellationToken)
    {
        var (_, access, uploads, policy) = services;
        var caller = Caller.From(user);
        var stored = await access.FindVisibleAsync(caller, number, cancellationToken);
        if (stored is null)
        {
            return NotFound(number);
        }

        var input = await UploadInput.ReadAsync(context.Request, uploads, policy, cancellationToken);
        if (input.Problem is not null)
        {
            return input.Problem;
        }

        if (input.File is not null)
        {
            var attachment = await uploads.UploadToCaseAsync(caller, stored, input.File, input.Kind, cancellationToken);
            return TypedResults.Created($"/api/cases/{number}/attachments/{attachment.Id}", AttachmentView.From(attachment));
        }

        var ticket = await uploads.RequestCaseUploadAsync(caller, stored, input.Request!, cancellationToken);
        return TypedResults.Created($"/api/cases/{number}/attachments/{ticket.Id}", ticket);
    }

    private static async Task<IResult> ConfirmAttachment(string number, string attachmentId, ClaimsPrincipal user, [AsParameters] CaseFileServices services, CancellationToken cancellationToken)
    {
        var (cases, access, uploads, _) = services;
        var caller = Caller.From(user);
        var stored = await access.FindVisibleAsync(caller, number, cancellationToken);
        var attachment = stored is null ? null : await cases.GetAttachmentAsync(number, attachmentId, cancellationToken);
        if (stored is null || attachment is null)
        {
            return Problems.NotFound($"No attachment {attachmentId} on a case {number} you can see.");
        }

        var (confirmed, problem) = await uploads.ConfirmCaseUploadAsync(caller, stored, attachment, cancellationToken);
        return problem is not null
            ? Problems.Validation(new Dictionary<string, string[]> { ["file"] = [problem] })
            : TypedResults.Ok(AttachmentView.From(confirmed!));
    }

    private static ProblemHttpResult NotFound(string number) => Problems.NotFound($"There is no case {number} that you can see.");
}

/// <summary>What the file endpoints of a case work with, bound as one parameter.</summary>
public sealed record CaseFileServices(CaseRepository Cases, CaseAccess Access, UploadService Uploads, SupportPolicy Policy);
