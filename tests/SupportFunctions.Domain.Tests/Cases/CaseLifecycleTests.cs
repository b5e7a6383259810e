using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.Domain.Tests.Cases;

public class CaseLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    private static SupportCase Case(CaseStatus status, DateTimeOffset? closedAt = null) => new()
    {
        Number = "CS-000001", Subject = "s", Description = "d", Category = "general-question", Status = status, Severity = 3, Team = "support",
        Channel = "web", RequesterEmail = "ana@acme.example", Cc = ["ops@acme.example"], Language = "es", TimeZone = "UTC", CreatedAt = Now.AddDays(-10), UpdatedAt = Now.AddDays(-1), ClosedAt = closedAt,
    };

    [Theory]
    [InlineData(CaseStatus.New, CaseStatus.Open, true)]
    [InlineData(CaseStatus.Open, CaseStatus.PendingCustomer, true)]
    [InlineData(CaseStatus.PendingThirdParty, CaseStatus.Solved, true)]
    [InlineData(CaseStatus.Solved, CaseStatus.Closed, true)]
    [InlineData(CaseStatus.Solved, CaseStatus.Open, true)]
    [InlineData(CaseStatus.Closed, CaseStatus.Open, true)]
    [InlineData(CaseStatus.Closed, CaseStatus.Solved, false)]
    [InlineData(CaseStatus.Solved, CaseStatus.PendingCustomer, false)]
    [InlineData(CaseStatus.Open, CaseStatus.Open, false)]
    public void Transitions_follow_the_lifecycle(CaseStatus from, CaseStatus to, bool allowed)
    {
        var refusal = CaseLifecycle.Refusal(ShippedPolicies.Everbridge, Case(from), to, Now);
        Assert.Equal(allowed, refusal is null);
        if (!allowed)
        {
            Assert.Contains($"status {from}", refusal, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Everbridge_reopens_any_time_and_a_window_policy_refuses_late_reopening()
    {
        var closedLongAgo = Case(CaseStatus.Closed, Now.AddDays(-400));
        Assert.Null(CaseLifecycle.Refusal(ShippedPolicies.Everbridge, closedLongAgo, CaseStatus.Open, Now));
        var windowed = ShippedPolicies.Everbridge with { Lifecycle = ShippedPolicies.Everbridge.Lifecycle with { ReopenWithin = TimeSpan.FromDays(30) } };
        Assert.Contains("within 30 days", CaseLifecycle.Refusal(windowed, closedLongAgo, CaseStatus.Open, Now), StringComparison.Ordinal);
        Assert.Null(CaseLifecycle.Refusal(windowed, Case(CaseStatus.Closed, Now.AddDays(-5)), CaseStatus.Open, Now));
    }

    [Fact]
    public void An_agent_reply_opens_a_new_case_and_notifies_requester_and_cc_once()
    {
        var change = CaseLifecycle.AgentReply(new CaseChangeBuilder(Case(CaseStatus.New), Now, "agent:sam"), ShippedPolicies.Everbridge, "Hello");
        Assert.Equal(CaseStatus.Open, change.Case.Status);
        Assert.Equal(["status-changed", "agent-reply"], change.Events.Select(e => e.Type));
        var intent = Assert.Single(change.Intents);
        Assert.Equal(["ana@acme.example", "ops@acme.example"], intent.Recipients);
        Assert.Equal("CS-000001-v3-agent-reply", intent.Id);
    }

    [Fact]
    public void A_customer_reply_to_a_case_waiting_on_them_moves_it_back_to_open()
    {
        var change = CaseLifecycle.CustomerReply(new CaseChangeBuilder(Case(CaseStatus.PendingCustomer), Now, "contact:ana"), ShippedPolicies.Everbridge, "Done");
        Assert.Equal(CaseStatus.Open, change.Case.Status);
        Assert.Empty(change.Intents);
    }

    [Fact]
    public void An_internal_note_is_internal_and_mails_nobody()
    {
        var change = CaseLifecycle.InternalNote(new CaseChangeBuilder(Case(CaseStatus.Open), Now, "agent:sam"), "customer seems confused");
        Assert.Equal(EventVisibility.Internal, Assert.Single(change.Events).Visibility);
        Assert.Empty(change.Intents);
    }

    [Fact]
    public void Reopening_clears_the_closure()
    {
        var closed = Case(CaseStatus.Closed, Now.AddDays(-1)) with { ClosureReason = "resolved" };
        var change = CaseLifecycle.ChangeStatus(new CaseChangeBuilder(closed, Now, "contact:ana"), ShippedPolicies.Everbridge, CaseStatus.Open);
        Assert.Null(change.Case.ClosedAt);
        Assert.Null(change.Case.ClosureReason);
        Assert.Equal("reopened", Assert.Single(change.Events).Type);
    }
}
