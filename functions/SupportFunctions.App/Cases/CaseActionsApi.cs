using System.Security.Claims;
using System.Text.Json;
using SupportFunctions.App.Hosting;
using SupportFunctions.App.Security;
using SupportFunctions.App.Sla;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.App.Cases;

public static class CaseActionsApi
{
    /// <summary>Replies (agent: public, meets first response; customer: reopens a waiting case), internal notes, status changes.</summary>
    public static RouteGroupBuilder MapCaseActions(this RouteGroupBuilder group)
    {
        group.MapPost("/{number}/replies", Reply).WithName("ReplyToCase").WithSummary("{\"body\"}: a public reply — from an agent it is mailed to requester and CCs and meets first response; from the customer it reopens a case waiting on them.").Accepts<TextRequest>("application/json");
        group.MapPost("/{number}/notes", Note).WithName("AddInternalNote").WithSummary("{\"body\"}: an internal note, staff only, never shown to or mailed to the customer.").Accepts<TextRequest>("application/json").RequireAuthorization(AccessPolicies.Staff);
        group.MapPost("/{number}/status", ChangeStatus).WithName("ChangeCaseStatus").WithSummary("{\"status\", \"reason\"}: move the case; an invalid transition is 409 naming the current and allowed statuses.").Accepts<StatusRequest>("application/json").RequireAuthorization(AccessPolicies.Staff);
        return group;
    }

    private static async Task<IResult> Reply(string number, HttpRequest http, ClaimsPrincipal user, CaseAccess access, CaseChanges changes, CaseIntakeService intake, SupportPolicy policy, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var (body, problem) = await ReadTextAsync(http, policy, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (!await access.CanSeeAsync(caller, number.ToUpperInvariant(), cancellationToken))
        {
            return NotFound(number);
        }

        var updated = await changes.ApplyAsync(number.ToUpperInvariant(), stored =>
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

            return new CaseChange(change) { Timers = SlaPlanner.Timers(policy, change.Case, now) };
        }, cancellationToken);
        return updated is null ? NotFound(number) : TypedResults.Ok(await intake.ViewAsync(updated, cancellationToken));
    }

    private static async Task<IResult> Note(string number, HttpRequest http, ClaimsPrincipal user, CaseChanges changes, CaseIntakeService intake, SupportPolicy policy, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var (body, problem) = await ReadTextAsync(http, policy, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var updated = await changes.ApplyAsync(number.ToUpperInvariant(), stored => new CaseChange(CaseLifecycle.InternalNote(new CaseChangeBuilder(stored.Case, time.GetUtcNow(), caller.Actor), body!)), cancellationToken);
        return updated is null ? NotFound(number) : TypedResults.Ok(await intake.ViewAsync(updated, cancellationToken));
    }

    private static async Task<IResult> ChangeStatus(string number, HttpRequest http, ClaimsPrincipal user, CaseChanges changes, CaseIntakeService intake, SupportPolicy policy, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var read = await JsonBody.ReadAsync(http, 16 * 1024, cancellationToken);
        if (read.Problem is not null)
        {
            return read.Problem;
        }

        using var document = read.Document!;
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var statusElement) || statusElement.ValueKind != JsonValueKind.String
            || !Enum.TryParse<CaseStatus>(statusElement.GetString(), ignoreCase: true, out var to) || !Enum.IsDefined(to) || to == CaseStatus.New)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["status"] = [$"must be one of {string.Join(", ", Enum.GetNames<CaseStatus>().Where(n => n != nameof(CaseStatus.New)))}"] });
        }

        var reason = root.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        (string Message, CaseStatus Current)? refusal = null;
        var updated = await changes.ApplyAsync(number.ToUpperInvariant(), stored =>
        {
            var now = time.GetUtcNow();
            refusal = CaseLifecycle.Refusal(policy, stored.Case, to, now) is { } why ? (why, stored.Case.Status) : null;
            if (refusal is not null)
            {
                return null;
            }

            var change = CaseLifecycle.ChangeStatus(new CaseChangeBuilder(stored.Case, now, caller.Actor), policy, to, reason);
            return new CaseChange(change) { Timers = SlaPlanner.Timers(policy, change.Case, now) };
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

        return TypedResults.Ok(await intake.ViewAsync(updated, cancellationToken));
    }

    private static async Task<(string? Body, IResult? Problem)> ReadTextAsync(HttpRequest http, SupportPolicy policy, CancellationToken cancellationToken)
    {
        var read = await JsonBody.ReadAsync(http, 256 * 1024, cancellationToken);
        if (read.Problem is not null)
        {
            return (null, read.Problem);
        }

        using var document = read.Document!;
        var body = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("body", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null;
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

/// <summary>A status change, with the reason recorded in the audit trail.</summary>
public sealed record StatusRequest(string Status, string? Reason);
