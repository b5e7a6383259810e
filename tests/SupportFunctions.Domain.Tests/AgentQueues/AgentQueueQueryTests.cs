using SupportFunctions.Domain.AgentQueues;
using SupportFunctions.Domain.Cases;

namespace SupportFunctions.Domain.Tests.AgentQueues;

public class AgentQueueQueryTests
{
    private static readonly AgentQueueViewer Agent = new("agent-sam", ["customer-care"], IsAdmin: false);
    private static readonly AgentQueueViewer Lead = new("agent-lee", ["care-leads"], IsAdmin: false);

    [Fact]
    public void By_default_an_agent_reads_their_own_teams_ordered_by_sla()
    {
        var (query, errors, forbidden) = AgentQueueQuery.Parse(ShippedPolicies.Talkdesk, Agent, new AgentQueueParameters());

        Assert.Empty(errors);
        Assert.Null(forbidden);
        Assert.Equal(["customer-care"], query!.Teams);
        Assert.Equal(AgentQueueSort.Sla, query.Sort);
        Assert.Equal(AgentQueueQuery.DefaultPageSize, query.PageSize);
    }

    [Fact]
    public void Every_unknown_value_is_reported_at_once_by_parameter()
    {
        var (query, errors, _) = AgentQueueQuery.Parse(ShippedPolicies.Talkdesk, Agent, new AgentQueueParameters(
            Team: ["nobody"], Status: ["Opened", "Closed"], Severity: ["9"], Priority: ["asap"], Category: ["x"], Sla: ["late"], Sort: "due", PageSize: 500, Assignee: ["me", "none"]));

        Assert.Null(query);
        Assert.Equal(["assignee", "category", "pageSize", "priority", "severity", "sla", "sort", "status", "team"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, errors["status"].Length);
        Assert.Contains("customer-care", errors["team"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Team_all_is_for_leads_and_administrators()
    {
        Assert.NotNull(AgentQueueQuery.Parse(ShippedPolicies.Talkdesk, Agent, new AgentQueueParameters(Team: ["all"])).Forbidden);

        var lead = AgentQueueQuery.Parse(ShippedPolicies.Talkdesk, Lead, new AgentQueueParameters(Team: ["all"])).Query!;
        Assert.Equal(ShippedPolicies.Talkdesk.Teams.Select(t => t.Id), lead.Teams);

        var admin = AgentQueueQuery.Parse(ShippedPolicies.Talkdesk, new AgentQueueViewer("admin", [], IsAdmin: true), new AgentQueueParameters()).Query!;
        Assert.Equal(5, admin.Teams.Count);
    }

    [Fact]
    public void Lists_take_repeated_or_comma_separated_values_and_assignee_me_is_the_caller()
    {
        var query = AgentQueueQuery.Parse(ShippedPolicies.Talkdesk, Agent, new AgentQueueParameters(
            Team: ["billing,numbers"], Status: ["new", "PendingCustomer"], Severity: ["1,2"], Assignee: ["me"], Sla: ["breached", "warning"], Sort: "updated")).Query!;

        Assert.Equal(["billing", "numbers"], query.Teams);
        Assert.Equal([CaseStatus.New, CaseStatus.PendingCustomer], query.Statuses);
        Assert.Equal([1, 2], query.Severities);
        Assert.Equal("agent-sam", query.Assignee);
        Assert.Equal([QueueSlaState.Breached, QueueSlaState.Warning], query.SlaStates);
        Assert.Equal(AgentQueueSort.Updated, query.Sort);
        Assert.Equal(string.Empty, AgentQueueQuery.Parse(ShippedPolicies.Talkdesk, Agent, new AgentQueueParameters(Assignee: ["none"])).Query!.Assignee);
    }
}
