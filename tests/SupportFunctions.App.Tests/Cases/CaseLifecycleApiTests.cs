using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Tests.Infrastructure;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Tests.Cases;

public sealed class CaseLifecycleApiTests : IAsyncLifetime
{
    private SupportApp _app = null!;
    private Customer _customer = null!;
    private HttpClient _agent = null!;

    public async Task InitializeAsync()
    {
        _app = await SupportApp.StartAsync(TestPolicies.PureCloudInSeconds(firstResponseSeconds: 120));
        _customer = await _app.CustomerAsync(designated: true);
        var agent = await _app.Admin.PostAsJsonAsync("/api/admin/agents", new { name = "Sam", email = "sam@vendor.example", teams = new[] { "technical-support" } });
        _agent = _app.Client(await _app.IssueKeyAsync("agent", (await agent.JsonAsync()).GetProperty("id").GetString()!));
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    private async Task<string> OpenAsync()
    {
        var response = await _customer.Client.PostCaseAsync(new { subject = "Drops", description = "Calls drop", category = "technical-problem", severity = 2, cc = new[] { "ops@acme.example" }, fields = new { businessImpact = "Some" } });
        await SupportApp.Expect(response, HttpStatusCode.Created);
        return (await response.JsonAsync()).GetProperty("number").GetString()!;
    }

    private async Task<System.Text.Json.JsonElement> ClockAsync(string number, string kind) =>
        (await (await _customer.Client.GetAsync($"/api/cases/{number}/sla")).JsonAsync()).GetProperty("clocks").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == kind);

    [Fact]
    public async Task A_customer_lists_only_the_cases_in_the_statuses_asked_for_and_a_status_that_is_not_one_is_422()
    {
        var fresh = await OpenAsync();
        var waiting = await OpenAsync();
        await SupportApp.Expect(await _agent.PostAsJsonAsync($"/api/cases/{waiting}/status", new { status = "PendingCustomer", reason = "Waiting for logs" }), HttpStatusCode.OK);

        async Task<List<string>> ListAsync(string query) =>
            (await (await _customer.Client.GetAsync($"/api/cases?{query}")).JsonAsync()).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("number").GetString()!).ToList();

        Assert.Equal([waiting], await ListAsync("status=PendingCustomer"));
        Assert.Equal([fresh], await ListAsync("status=new"));
        Assert.Equal([waiting, fresh], await ListAsync("status=New,PendingCustomer"));
        Assert.Equal([waiting, fresh], await ListAsync("status=New&status=PendingCustomer"));
        Assert.Empty(await ListAsync("status=Closed"));

        var bad = await _customer.Client.GetAsync("/api/cases?status=Opened");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("PendingCustomer", (await bad.JsonAsync()).ErrorsFor("status").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Me_names_the_key_s_contact_with_its_account_and_the_agent_with_its_teams()
    {
        var contact = await (await _customer.Client.GetAsync("/api/me")).JsonAsync();
        Assert.Equal("contact", contact.GetProperty("kind").GetString());
        Assert.Equal(_customer.ContactId, contact.GetProperty("id").GetString());
        Assert.Equal(_customer.AccountId, contact.GetProperty("accountId").GetString());
        Assert.StartsWith("Acme ", contact.GetProperty("accountName").GetString(), StringComparison.Ordinal);

        var agent = await (await _agent.GetAsync("/api/me")).JsonAsync();
        Assert.Equal("agent", agent.GetProperty("kind").GetString());
        Assert.Equal("Sam", agent.GetProperty("name").GetString());
        Assert.Equal(["technical-support"], agent.GetProperty("teams").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Anonymous.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task The_first_public_agent_reply_meets_first_response_and_is_mailed_to_requester_and_cc()
    {
        var number = await OpenAsync();

        var reply = await _agent.PostAsJsonAsync($"/api/cases/{number}/replies", new { body = "We are looking into it." });

        await SupportApp.Expect(reply, HttpStatusCode.OK);
        Assert.Equal("Open", (await reply.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal("met", (await ClockAsync(number, "firstResponse")).GetProperty("state").GetString());
        var intent = Assert.Single(await _app.Services.GetRequiredService<CaseRepository>().GetIntentsAsync(number, default), i => i.Kind == "agent-reply");
        Assert.Equal([_customer.Email, "ops@acme.example"], intent.Recipients);
    }

    [Fact]
    public async Task Internal_notes_never_appear_in_customer_views_or_notifications()
    {
        var number = await OpenAsync();
        await SupportApp.Expect(await _agent.PostAsJsonAsync($"/api/cases/{number}/notes", new { body = "Customer's PBX is misconfigured" }), HttpStatusCode.OK);

        var customerEvents = await (await _customer.Client.GetAsync($"/api/cases/{number}/events")).Content.ReadAsStringAsync();
        var staffEvents = await (await _agent.GetAsync($"/api/cases/{number}/events")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("misconfigured", customerEvents, StringComparison.Ordinal);
        Assert.Contains("misconfigured", staffEvents, StringComparison.Ordinal);
        Assert.DoesNotContain(await _app.Services.GetRequiredService<CaseRepository>().GetIntentsAsync(number, default), i => i.Data.Values.Any(v => v.Contains("misconfigured", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Forbidden, (await _customer.Client.PostAsJsonAsync($"/api/cases/{number}/notes", new { body = "x" })).StatusCode);
    }

    [Fact]
    public async Task Pending_customer_pauses_the_sla_and_the_customer_reply_reopens_and_resumes_it()
    {
        var number = await OpenAsync();
        await SupportApp.Expect(await _agent.PostAsJsonAsync($"/api/cases/{number}/status", new { status = "PendingCustomer", reason = "Waiting for logs" }), HttpStatusCode.OK);

        var paused = await (await _customer.Client.GetAsync($"/api/cases/{number}/sla")).JsonAsync();
        Assert.True(paused.GetProperty("paused").GetBoolean());
        Assert.Equal("paused", (await ClockAsync(number, "firstResponse")).GetProperty("state").GetString());

        var reply = await _customer.Client.PostAsJsonAsync($"/api/cases/{number}/replies", new { body = "Logs attached" });
        await SupportApp.Expect(reply, HttpStatusCode.OK);
        Assert.Equal("Open", (await reply.JsonAsync()).GetProperty("status").GetString());
        var resumed = await (await _customer.Client.GetAsync($"/api/cases/{number}/sla")).JsonAsync();
        Assert.False(resumed.GetProperty("paused").GetBoolean());
        var pause = Assert.Single(resumed.GetProperty("pauses").EnumerateArray());
        Assert.Equal("PendingCustomer", pause.GetProperty("reason").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, pause.GetProperty("to").ValueKind);
        var types = (await (await _agent.GetAsync($"/api/cases/{number}/events")).JsonAsync()).EnumerateArray().Select(e => e.GetProperty("type").GetString());
        Assert.Equal(["created", "status-changed", "status-changed", "customer-reply"], types);
    }

    [Fact]
    public async Task An_invalid_transition_is_409_naming_the_current_status_and_the_allowed_ones()
    {
        var number = await OpenAsync();
        await SupportApp.Expect(await _agent.PostAsJsonAsync($"/api/cases/{number}/status", new { status = "Closed" }), HttpStatusCode.OK);

        var response = await _agent.PostAsJsonAsync($"/api/cases/{number}/status", new { status = "PendingCustomer" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Equal("Closed", problem.GetProperty("currentStatus").GetString());
        Assert.Equal(["Open"], problem.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await _customer.Client.PostAsJsonAsync($"/api/cases/{number}/status", new { status = "Open" })).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _agent.PostAsJsonAsync($"/api/cases/{number}/status", new { status = "Sleeping" })).StatusCode);

        await SupportApp.Expect(await _agent.PostAsJsonAsync($"/api/cases/{number}/status", new { status = "Open" }), HttpStatusCode.OK);
        Assert.Contains("reopened", await (await _agent.GetAsync($"/api/cases/{number}/events")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_customers_reply_is_404()
    {
        var number = await OpenAsync();
        var stranger = await _app.CustomerAsync(designated: true);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.PostAsJsonAsync($"/api/cases/{number}/replies", new { body = "hi" })).StatusCode);
    }

    [Fact]
    public async Task Support_decides_severity_a_customer_request_is_recorded_and_sent_to_the_team()
    {
        var number = await OpenAsync();

        var requested = await _customer.Client.PostAsJsonAsync($"/api/cases/{number}/severity", new { severity = 1, reason = "Whole site down now" });
        await SupportApp.Expect(requested, HttpStatusCode.OK);
        Assert.Equal(2, (await requested.JsonAsync()).GetProperty("severity").GetProperty("level").GetInt32());
        var request = Assert.Single(await _app.Services.GetRequiredService<CaseRepository>().GetIntentsAsync(number, default), i => i.Kind == "severity-change-requested");
        Assert.Equal(["team:technical-support"], request.Recipients);

        var noReason = await _agent.PostAsJsonAsync($"/api/cases/{number}/severity", new { severity = 1 });
        Assert.Equal(["reason"], (await noReason.JsonAsync()).ErrorFields());

        var changed = await _agent.PostAsJsonAsync($"/api/cases/{number}/severity", new { severity = 3, reason = "Workaround available" });
        await SupportApp.Expect(changed, HttpStatusCode.OK);
        Assert.Equal(3, (await changed.JsonAsync()).GetProperty("severity").GetProperty("level").GetInt32());
        Assert.Equal("PT2M", (await ClockAsync(number, "firstResponse")).GetProperty("target").GetString());
        Assert.Contains("severity-changed", await (await _customer.Client.GetAsync($"/api/cases/{number}/events")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_agent_is_assigned_and_an_unknown_agent_is_refused()
    {
        var number = await OpenAsync();
        var agents = await _app.Admin.PostAsJsonAsync("/api/admin/agents", new { id = "agent-kim", name = "Kim", email = "kim@vendor.example", teams = new[] { "technical-support" } });
        await SupportApp.Expect(agents, HttpStatusCode.Created);

        var assigned = await _agent.PostAsJsonAsync($"/api/cases/{number}/assignee", new { agentId = "agent-kim" });
        await SupportApp.Expect(assigned, HttpStatusCode.OK);
        Assert.Equal("agent-kim", (await assigned.JsonAsync()).GetProperty("assigneeId").GetString());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _agent.PostAsJsonAsync($"/api/cases/{number}/assignee", new { agentId = "nobody" })).StatusCode);
    }
}
