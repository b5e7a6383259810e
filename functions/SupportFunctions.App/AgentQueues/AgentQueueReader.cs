using SupportFunctions.App.Notifications;
using SupportFunctions.App.Security;
using SupportFunctions.Domain.AgentQueues;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Domain.Sla;
using SupportFunctions.Storage.Repositories;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.App.AgentQueues;

/// <summary>Reads the agents' queue for a caller: who they are (their teams), the page, and the names its items show.</summary>
public sealed class AgentQueueReader(AgentQueueRepository queue, RecentDirectory directory, SupportPolicy policy, TimeProvider time)
{
    /// <summary>The viewer behind a staff key; null when the agent no longer exists.</summary>
    public async Task<AgentQueueViewer?> ViewerAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Kind == PrincipalKind.Admin)
        {
            return new AgentQueueViewer(caller.Id, [], IsAdmin: true);
        }

        var agent = (await directory.AgentsAsync(cancellationToken)).FirstOrDefault(a => a.Id == caller.Id);
        return agent is null ? null : new AgentQueueViewer(agent.Id, agent.Teams, IsAdmin: false);
    }

    public async Task<AgentQueuePage> PageAsync(AgentQueueQuery query, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var now = time.GetUtcNow();
        var (entries, position) = await queue.PageAsync(query, ContinuationTokens.UnwrapPosition(continuationToken), now, cancellationToken);
        var agents = (await directory.AgentsAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);
        var accounts = (await Task.WhenAll(entries.Select(e => e.AccountId).OfType<string>().Distinct(StringComparer.Ordinal)
                .Select(async id => (Id: id, (await directory.AccountAsync(id, cancellationToken))?.Name))))
            .ToDictionary(a => a.Id, a => a.Name, StringComparer.Ordinal);

        // One set of calendars per customer time zone on the page, not one per item.
        var calendars = new Dictionary<string, SlaCalendars>(StringComparer.Ordinal);
        var items = entries.Select(e => AgentQueueItem.From(
            e,
            calendars.TryGetValue(e.TimeZone, out var known) ? known : calendars[e.TimeZone] = new SlaCalendars(policy, e.TimeZone),
            now,
            e.AccountId is null ? null : accounts.GetValueOrDefault(e.AccountId),
            e.AssigneeId is null ? null : agents.GetValueOrDefault(e.AssigneeId))).ToList();
        return new AgentQueuePage(query.Teams, PolicyJson.EnumValue(query.Sort), items, ContinuationTokens.WrapPosition(position));
    }

    public async Task<IReadOnlyList<AgentQueueCount>> CountAsync(IReadOnlyList<string> teams, CancellationToken cancellationToken)
    {
        var counts = await queue.CountAsync(teams, cancellationToken);
        return teams.Select(team => new AgentQueueCount(
            team,
            policy.FindTeam(team)?.Name ?? team,
            counts[team].Values.Sum(),
            counts[team].ToDictionary(s => s.Key.ToString(), s => s.Value, StringComparer.Ordinal))).ToList();
    }
}
