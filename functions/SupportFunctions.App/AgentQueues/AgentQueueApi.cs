using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SupportFunctions.App.Hosting;
using SupportFunctions.App.Security;
using SupportFunctions.Domain.AgentQueues;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.App.AgentQueues;

/// <summary><c>/api/queue</c>: the agents' queue of open cases across accounts, ordered by SLA due, and its counts per team and status. Staff only.</summary>
public static class AgentQueueApi
{
    public static RouteGroupBuilder MapAgentQueue(this RouteGroupBuilder group)
    {
        group.MapGet("/", Queue)
            .WithName("GetAgentQueue")
            .WithSummary("Open cases of the caller's teams (team=… or team=all for leads), filtered by status, severity, priority, category, account, assignee (me, none, an id) and sla (breached, warning, running, paused, none); sort=sla (next due first, default), updated or created; paged.")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/counts", Counts)
            .WithName("GetAgentQueueCounts")
            .WithSummary("Open cases per team and status, for the same teams as the queue (team=… or team=all).");
        return group;
    }

    private static async Task<Results<Ok<AgentQueuePage>, ProblemHttpResult>> Queue([AsParameters] AgentQueueRequest request, ClaimsPrincipal user, AgentQueueReader reader, SupportPolicy policy, CancellationToken cancellationToken)
    {
        var parsed = await ParseAsync(Caller.From(user), reader, policy, request.ToParameters(), cancellationToken);
        return parsed.Problem is not null
            ? parsed.Problem
            : TypedResults.Ok(await reader.PageAsync(parsed.Query!, request.ContinuationToken, cancellationToken));
    }

    private static async Task<Results<Ok<IReadOnlyList<AgentQueueCount>>, ProblemHttpResult>> Counts(ClaimsPrincipal user, AgentQueueReader reader, SupportPolicy policy, CancellationToken cancellationToken, string[]? team = null)
    {
        var parsed = await ParseAsync(Caller.From(user), reader, policy, new AgentQueueParameters(Team: team), cancellationToken);
        return parsed.Problem is not null
            ? parsed.Problem
            : TypedResults.Ok(await reader.CountAsync(parsed.Query!.Teams, cancellationToken));
    }

    private static async Task<(AgentQueueQuery? Query, ProblemHttpResult? Problem)> ParseAsync(Caller caller, AgentQueueReader reader, SupportPolicy policy, AgentQueueParameters parameters, CancellationToken cancellationToken)
    {
        var viewer = await reader.ViewerAsync(caller, cancellationToken);
        if (viewer is null)
        {
            return (null, Problems.Forbidden("The agent this API key belongs to no longer exists."));
        }

        var (query, errors, forbidden) = AgentQueueQuery.Parse(policy, viewer, parameters);
        return forbidden is not null ? (null, Problems.Forbidden(forbidden))
            : query is null ? (null, Problems.Validation(errors))
            : (query, null);
    }
}
