using System.Security.Claims;
using System.Text.Json;
using SupportFunctions.App.Hosting;
using SupportFunctions.App.Security;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.App.Cases;

public static class CaseActionsApi
{
    /// <summary>Replies (agent: public, meets first response; customer: reopens a waiting case), internal notes, status changes.</summary>
    public static RouteGroupBuilder MapCaseActions(this RouteGroupBuilder group)
    {
        group.MapPost("/{number}/replies", Reply).WithName("ReplyToCase").WithSummary("{\"body\"}: a public reply — from an agent it is mailed to requester and CCs and meets first response; from the customer it reopens a case waiting on them.").Accepts<TextRequest>("application/json");
        group.MapPost("/{number}/escalations", Escalate).WithName("EscalateCase").WithSummary("{\"description\", \"environment\", \"justification\"}: ask the support leads to look at the case; acknowledged to the requester; the SLA is unchanged.").Accepts<EscalationRequest>("application/json");
        group.MapPost("/{number}/severity", Severity).WithName("ChangeCaseSeverity").WithSummary("{\"severity\", \"reason\"}: staff change it (clocks keep elapsed time); a customer's request is recorded and sent to the team to decide.").Accepts<SeverityRequest>("application/json");
        group.MapPost("/{number}/assignee", Assign).WithName("AssignCase").WithSummary("{\"agentId\"}: the agent working the case.").Accepts<AssignRequest>("application/json").RequireAuthorization(AccessPolicies.Staff);
        group.MapPost("/{number}/notes", Note).WithName("AddInternalNote").WithSummary("{\"body\"}: an internal note, staff only, never shown to or mailed to the customer.").Accepts<TextRequest>("application/json").RequireAuthorization(AccessPolicies.Staff);
        group.MapPost("/{number}/close", Close).WithName("CloseCase").WithSummary("{\"reason\": resolved|defect|enhancement|thirdParty|customerChange, \"defectId\", \"ideaReference\", \"vendor\", \"note\"}: close, with or without a resolution; customerChange waits in Pending customer and closes by itself after the policy's wait.").Accepts<CloseRequest>("application/json").RequireAuthorization(AccessPolicies.Staff);
        group.MapPost("/{number}/status", ChangeStatus).WithName("ChangeCaseStatus").WithSummary("{\"status\", \"reason\"}: move the case; an invalid transition is 409 naming the current and allowed statuses.").Accepts<StatusRequest>("application/json").RequireAuthorization(AccessPolicies.Staff);
        return group;
    }

    private static async Task<IResult> Reply(string number, HttpRequest http, ClaimsPrincipal user, [AsParameters] CaseActionServices services, CancellationToken cancellationToken)
    {
        var (access, changes, views, policy, time) = services;
        var caller = Caller.From(user);
        var (body, problem) = await ReadTextAsync(http, policy, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (await access.FindVisibleAsync(caller, number, cancellationToken) is not { } visible)
        {
            return NotFound(number);
        }

        var updated = await changes.ApplyAsync(visible.Case.Number, stored =>
        {
            var now = time.GetUtcNow();
            var change = new CaseChangeBuilder(stored.Case, now, caller.Actor);
            if (caller.IsStaff)
            {
                CaseLifecycle.AgentReply(change, policy, body!);
            }
            else
            {
                CaseLifecycle.CustomerReply(change, policy, body!);
            }

            return new CaseChange(change);
        }, cancellationToken);
        return updated is null ? NotFound(number) : TypedResults.Ok(await views.ViewAsync(updated, cancellationToken));
    }

    private static async Task<IResult> Escalate(string number, HttpRequest http, ClaimsPrincipal user, [AsParameters] CaseActionServices services, CancellationToken cancellationToken)
    {
        var (access, changes, views, policy, time) = services;
        var caller = Caller.From(user);
        var read = await JsonBody.ReadAsync(http, 64 * 1024, cancellationToken);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        using var document = read.Document!;
        var root = document.RootElement;
        string? Text(string name) => JsonFields.Text(root, name);
        var description = Text("description");
        var justification = Text("justification");
        var environment = Text("environment");
        var errors = CaseLifecycle.CheckEscalationRequest(policy, description, environment, justification);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        if (await access.FindVisibleAsync(caller, number, cancellationToken) is not { } visible)
        {
            return NotFound(number);
        }

        var updated = await changes.ApplyAsync(visible.Case.Number, stored =>
            new CaseChange(CaseLifecycle.RequestEscalation(new CaseChangeBuilder(stored.Case, time.GetUtcNow(), caller.Actor), policy, description!, environment, justification!)), cancellationToken);
        return updated is null ? NotFound(number) : TypedResults.Accepted($"/api/cases/{updated.Number}", await views.ViewAsync(updated, cancellationToken));
    }

    private static async Task<IResult> Severity(string number, HttpRequest http, ClaimsPrincipal user, [AsParameters] CaseActionServices services, CancellationToken cancellationToken)
    {
        var (access, changes, views, policy, time) = services;
        var caller = Caller.From(user);
        var read = await JsonBody.ReadAsync(http, 16 * 1024, cancellationToken);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        using var document = read.Document!;
        var root = document.RootElement;
        var severity = JsonFields.WholeNumber(root, "severity");
        var reason = JsonFields.Text(root, "reason");
        var errors = CaseLifecycle.CheckSeverityChange(policy, severity, reason);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        if (await access.FindVisibleAsync(caller, number, cancellationToken) is not { } visible)
        {
            return NotFound(number);
        }

        var updated = await changes.ApplyAsync(visible.Case.Number, stored =>
        {
            var change = new CaseChangeBuilder(stored.Case, time.GetUtcNow(), caller.Actor);
            return caller.IsStaff
                ? new CaseChange(CaseLifecycle.ChangeSeverity(change, policy, severity!.Value, reason!))
                : new CaseChange(CaseLifecycle.RequestSeverity(change, severity!.Value, reason!));
        }, cancellationToken);
        return updated is null ? NotFound(number) : TypedResults.Ok(await views.ViewAsync(updated, cancellationToken));
    }

    private static async Task<IResult> Assign(string number, HttpRequest http, ClaimsPrincipal user, [AsParameters] CaseActionServices services, SupportFunctions.Storage.Repositories.DirectoryRepository directory, CancellationToken cancellationToken)
    {
        var (_, changes, views, _, time) = services;
        var caller = Caller.From(user);
        var read = await JsonBody.ReadAsync(http, 16 * 1024, cancellationToken);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        using var document = read.Document!;
        var agentId = JsonFields.Text(document.RootElement, "agentId");
        if (agentId is null || await directory.GetAgentAsync(agentId, cancellationToken) is null)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["agentId"] = ["must name an existing agent"] });
        }

        var updated = await changes.ApplyAsync(number.ToUpperInvariant(), stored => new CaseChange(CaseLifecycle.Assign(new CaseChangeBuilder(stored.Case, time.GetUtcNow(), caller.Actor), agentId)), cancellationToken);
        return updated is null ? NotFound(number) : TypedResults.Ok(await views.ViewAsync(updated, cancellationToken));
    }

    private static async Task<IResult> Note(string number, HttpRequest http, ClaimsPrincipal user, [AsParameters] CaseActionServices services, CancellationToken cancellationToken)
    {
        var (_, changes, views, policy, time) = services;
        var caller = Caller.From(user);
        var (body, problem) = await ReadTextAsync(http, policy, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var updated = await changes.ApplyAsync(number.ToUpperInvariant(), stored => new CaseChange(CaseLifecycle.InternalNote(new CaseChangeBuilder(stored.Case, time.GetUtcNow(), caller.Actor), body!)), cancellationToken);
        return updated is null ? NotFound(number) : TypedResults.Ok(await views.ViewAsync(updated, cancellationToken));
    }

    private static async Task<IResult> ChangeStatus(string number, HttpRequest http, ClaimsPrincipal user, [AsParameters] CaseActionServices services, CancellationToken cancellationToken)
    {
        var (_, changes, views, policy, time) = services;
        var caller = Caller.From(user);
        var read = await JsonBody.ReadAsync(http, 16 * 1024, cancellationToken);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        using var document = read.Document!;
        var root = document.RootElement;
        if (!Enum.TryParse<CaseStatus>(JsonFields.Text(root, "status"), ignoreCase: true, out var to) || !Enum.IsDefined(to) || to == CaseStatus.New)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["status"] = [$"must be one of {string.Join(", ", Enum.GetNames<CaseStatus>().Where(n => n != nameof(CaseStatus.New)))}"] });
        }

        var reason = JsonFields.Text(root, "reason");
        (string Message, CaseStatus Current)? refusal = null;
        var updated = await changes.ApplyAsync(number.ToUpperInvariant(), stored =>
        {
            var now = time.GetUtcNow();
            refusal = CaseLifecycle.Refusal(policy, stored.Case, to, now) is { } why ? (why, stored.Case.Status) : null;
            if (refusal is not null)
            {
                return null;
            }

            return new CaseChange(CaseLifecycle.ChangeStatus(new CaseChangeBuilder(stored.Case, now, caller.Actor), policy, to, reason));
        }, cancellationToken);
        if (updated is null)
        {
            return NotFound(number);
        }

        if (refusal is { } refused)
        {
            return Problems.Problem(
                StatusCodes.Status409Conflict,
                "The case cannot move to that status.",
                refused.Message,
                "invalid-transition",
                new Dictionary<string, object?> { ["currentStatus"] = refused.Current.ToString(), ["allowed"] = CaseLifecycle.AllowedFrom(refused.Current).Select(s => s.ToString()).ToArray() });
        }

        return TypedResults.Ok(await views.ViewAsync(updated, cancellationToken));
    }

    private static async Task<IResult> Close(string number, HttpRequest http, ClaimsPrincipal user, [AsParameters] CaseActionServices services, SupportFunctions.Storage.Repositories.DefectRepository defects, CancellationToken cancellationToken)
    {
        var (_, changes, views, policy, time) = services;
        var caller = Caller.From(user);
        var read = await JsonBody.ReadAsync(http, 64 * 1024, cancellationToken);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        using var document = read.Document!;
        var root = document.RootElement;
        string? Text(string name) => JsonFields.Text(root, name);
        if (!Enum.TryParse<ClosureReason>(Text("reason"), ignoreCase: true, out var reason) || !Enum.IsDefined(reason))
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["reason"] = [$"must be one of {string.Join(", ", Enum.GetValues<ClosureReason>().Select(PolicyJson.EnumValue))}"] });
        }

        var errors = CaseClosing.Check(reason, Text("defectId"), Text("vendor"));
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        if (reason == ClosureReason.Defect)
        {
            // The link first: a closed case is never missing from its defect's list.
            await defects.LinkAsync(Text("defectId")!, number.ToUpperInvariant(), time.GetUtcNow(), cancellationToken);
        }

        string? refusal = null;
        CaseStatus current = default;
        var updated = await changes.ApplyAsync(number.ToUpperInvariant(), stored =>
        {
            var now = time.GetUtcNow();
            current = stored.Case.Status;
            refusal = CaseClosing.Refusal(policy, stored.Case, reason, now);
            if (refusal is not null)
            {
                return null;
            }

            var change = CaseClosing.Close(new CaseChangeBuilder(stored.Case, now, caller.Actor), policy, reason, Text("note"), Text("defectId"), Text("ideaReference"), Text("vendor"));
            return new CaseChange(change);
        }, cancellationToken);
        if (updated is null)
        {
            return NotFound(number);
        }

        return refusal is not null
            ? Problems.Problem(StatusCodes.Status409Conflict, "The case cannot be closed that way.", refusal, "invalid-transition", new Dictionary<string, object?> { ["currentStatus"] = current.ToString(), ["allowed"] = CaseLifecycle.AllowedFrom(current).Select(s => s.ToString()).ToArray() })
            : TypedResults.Ok(await views.ViewAsync(updated, cancellationToken));
    }

    private static async Task<(string? Body, IResult? Problem)> ReadTextAsync(HttpRequest http, SupportPolicy policy, CancellationToken cancellationToken)
    {
        var read = await JsonBody.ReadAsync(http, 256 * 1024, cancellationToken);
        if (read.Problem is not null)
        {
            return (null, read.Problem);
        }

        using var document = read.Document!;
        var body = JsonFields.Text(document.RootElement, "body");
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, Problems.Validation(new Dictionary<string, string[]> { ["body"] = ["is required"] }));
        }

        return body.Length > policy.Intake.MaxDescriptionLength
            ? (null, Problems.Validation(new Dictionary<string, string[]> { ["body"] = [$"is {body.Length} characters; at most {policy.Intake.MaxDescriptionLength}"] }))
            : (body, null);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound(string number) => Problems.NotFound($"There is no case {number} that you can see.");
}

/// <summary>A reply or note.</summary>
public sealed record TextRequest(string Body);

/// <summary>An escalation request: the case number is in the path.</summary>
public sealed record EscalationRequest(string Description, string? Environment, string Justification);

/// <summary>A severity change or request, with its reason.</summary>
public sealed record SeverityRequest(int Severity, string Reason);

/// <summary>The agent to assign.</summary>
public sealed record AssignRequest(string AgentId);

/// <summary>Closing a case, with what each reason needs.</summary>
public sealed record CloseRequest(string Reason, string? Note, string? DefectId, string? IdeaReference, string? Vendor);

/// <summary>A status change, with the reason recorded in the audit trail.</summary>
public sealed record StatusRequest(string Status, string? Reason);

/// <summary>What every case action works with, bound as one parameter: who may see the case, how it changes, how it is answered.</summary>
public sealed record CaseActionServices(CaseAccess Access, CaseChanges Changes, CaseViews Views, SupportPolicy Policy, TimeProvider Time);
