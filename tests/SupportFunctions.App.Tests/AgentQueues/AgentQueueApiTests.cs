using System.Net;
using System.Net.Http.Json;
using SupportFunctions.App.Tests.Cases;
using SupportFunctions.App.Tests.Infrastructure;

namespace SupportFunctions.App.Tests.AgentQueues;

public sealed class AgentQueueApiTests : IAsyncLifetime
{
    private QueueDesk _desk = null!;

    public async Task InitializeAsync() => _desk = await QueueDesk.StartAsync();

    public Task DisposeAsync() => _desk.DisposeAsync().AsTask();

    [Fact]
    public async Task The_queue_orders_open_cases_by_next_sla_due_and_each_item_carries_its_sla_and_names()
    {
        var t0 = _desk.Clock.GetUtcNow();
        var sev3 = await _desk.OpenAsync(3);
        _desk.Clock.Advance(TimeSpan.FromMinutes(1));
        var sev1 = await _desk.OpenAsync(1);
        _desk.Clock.Advance(TimeSpan.FromMinutes(1));
        var sev2 = await _desk.OpenAsync(2);

        var page = await QueueDesk.GetJsonAsync(_desk.Agent, "/api/queue");

        Assert.Equal([sev1, sev2, sev3], page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()));
        Assert.Equal(["technical-support"], page.GetProperty("teams").EnumerateArray().Select(t => t.GetString()));
        var first = page.GetProperty("items")[0];
        Assert.Equal(_desk.Customer.AccountId, first.GetProperty("accountId").GetString());
        Assert.StartsWith("Acme ", first.GetProperty("accountName").GetString(), StringComparison.Ordinal);
        Assert.Equal("New", first.GetProperty("status").GetString());
        Assert.Equal(1, first.GetProperty("severity").GetInt32());
        Assert.Equal("technical-support", first.GetProperty("team").GetString());
        var sla = first.GetProperty("sla");
        Assert.Equal("firstResponse", sla.GetProperty("clock").GetString());
        Assert.Equal(t0.AddMinutes(11), sla.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(540, sla.GetProperty("remainingSeconds").GetInt64());
        Assert.Equal("running", sla.GetProperty("state").GetString());
        Assert.False(sla.GetProperty("breached").GetBoolean());

        Assert.Equal([sev3, sev1, sev2], await _desk.NumbersAsync("?sort=created"));
        Assert.Equal([sev2, sev1, sev3], await _desk.NumbersAsync("?sort=updated"));
        Assert.Equal([sev1, sev3], await _desk.NumbersAsync("?severity=1,3"));

        // 8.5 minutes into severity 1's 10 is past its 75 % warning; at 12 it has breached (before any timer records it).
        _desk.Clock.Advance(TimeSpan.FromMinutes(8));
        Assert.Equal([sev1], await _desk.NumbersAsync("?sla=warning"));
        Assert.Equal([sev2, sev3], await _desk.NumbersAsync("?sla=running"));
        _desk.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal([sev1], await _desk.NumbersAsync("?sla=breached"));
        var breached = (await QueueDesk.GetJsonAsync(_desk.Agent, "/api/queue?sla=breached")).GetProperty("items")[0].GetProperty("sla");
        Assert.Equal(-60, breached.GetProperty("remainingSeconds").GetInt64());
        Assert.True(breached.GetProperty("breached").GetBoolean());
    }

    [Fact]
    public async Task Pages_follow_the_order_without_gaps_or_repeats()
    {
        var opened = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            opened.Add(await _desk.OpenAsync(2));
            _desk.Clock.Advance(TimeSpan.FromSeconds(10));
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await QueueDesk.GetJsonAsync(_desk.Agent, "/api/queue?pageSize=2" + (token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token)));
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()!));
            token = page.GetProperty("continuationToken").GetString();
            pages++;
        }
        while (token is not null);

        Assert.Equal(opened, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Every_committed_change_shows_in_the_next_read()
    {
        var number = await _desk.OpenAsync(2);
        Assert.Equal([number], await _desk.NumbersAsync("?assignee=none"));

        await _desk.ActAsync(number, "assignee", new { agentId = _desk.AgentId });
        Assert.Equal([number], await _desk.NumbersAsync("?assignee=me"));
        Assert.Empty(await _desk.NumbersAsync("?assignee=none"));
        Assert.Equal("Sam", (await QueueDesk.GetJsonAsync(_desk.Agent, "/api/queue")).GetProperty("items")[0].GetProperty("assigneeName").GetString());

        await _desk.ActAsync(number, "severity", new { severity = 1, reason = "Production down" });
        Assert.Equal([number], await _desk.NumbersAsync("?severity=1"));

        await _desk.ActAsync(number, "status", new { status = "PendingCustomer", reason = "Waiting for logs" });
        Assert.Equal([number], await _desk.NumbersAsync("?sla=paused&status=PendingCustomer"));

        await _desk.ActAsync(number, "replies", new { body = "Here are the logs." }, _desk.Customer.Client);
        Assert.Equal([number], await _desk.NumbersAsync("?status=Open&sla=running,warning"));

        await _desk.ActAsync(number, "replies", new { body = "We found it." });
        var item = (await QueueDesk.GetJsonAsync(_desk.Agent, "/api/queue")).GetProperty("items")[0];
        Assert.Equal("restoration", item.GetProperty("sla").GetProperty("clock").GetString());

        await _desk.ActAsync(number, "close", new { reason = "resolved", note = "Fixed" });
        Assert.Empty(await _desk.NumbersAsync(string.Empty));
        var counts = await QueueDesk.GetJsonAsync(_desk.Agent, "/api/queue/counts");
        Assert.Equal(0, counts[0].GetProperty("total").GetInt32());

        await _desk.ActAsync(number, "status", new { status = "Open", reason = "Still failing" }, _desk.Agent);
        Assert.Equal([number], await _desk.NumbersAsync("?status=Open"));
        counts = await QueueDesk.GetJsonAsync(_desk.Agent, "/api/queue/counts");
        Assert.Equal(("technical-support", 1, 1), (counts[0].GetProperty("team").GetString(), counts[0].GetProperty("total").GetInt32(), counts[0].GetProperty("statuses").GetProperty("Open").GetInt32()));
    }

    [Fact]
    public async Task Only_staff_read_it_team_all_is_for_leads_and_every_wrong_parameter_is_named()
    {
        await _desk.OpenAsync(2);
        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Customer.Client.GetAsync("/api/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _desk.Customer.Client.GetAsync("/api/reports/sla")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _desk.App.Anonymous.GetAsync("/api/queue")).StatusCode);
        var partner = await _desk.App.Admin.PostAsJsonAsync("/api/admin/partners", new { name = "Reseller" });
        await SupportApp.Expect(partner, HttpStatusCode.Created);
        var partnerClient = _desk.App.Client(await _desk.App.IssueKeyAsync("partner", (await partner.JsonAsync()).GetProperty("id").GetString()!));
        Assert.Equal(HttpStatusCode.Forbidden, (await partnerClient.GetAsync("/api/queue")).StatusCode);

        var all = await _desk.Agent.GetAsync("/api/queue?team=all");
        Assert.Equal(HttpStatusCode.Forbidden, all.StatusCode);
        Assert.Contains("leads", (await all.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Single(await _desk.NumbersAsync("?team=all", _desk.Lead));
        Assert.Single(await _desk.NumbersAsync(string.Empty, _desk.App.Admin));

        var unknown = await _desk.Agent.GetAsync("/api/queue?q=SMS&status=Closed,Opened&sla=late");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        var problem = await unknown.JsonAsync();
        Assert.Equal(["q"], problem.ErrorFields());
        Assert.Contains("continuationToken, pageSize, priority", problem.ErrorsFor("q").Single(), StringComparison.Ordinal);
        var invalid = await (await _desk.Agent.GetAsync("/api/queue?status=Closed,Opened&sla=late&sort=due&pageSize=0")).JsonAsync();
        Assert.Equal(["pageSize", "sla", "sort", "status"], invalid.ErrorFields().Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, (await _desk.Agent.GetAsync("/api/queue?pageSize=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _desk.Agent.GetAsync("/api/queue?continuationToken=abc")).StatusCode);

        // A token of one order is not a position in another.
        await _desk.OpenAsync(2);
        var token = (await QueueDesk.GetJsonAsync(_desk.Agent, "/api/queue?pageSize=1")).GetProperty("continuationToken").GetString()!;
        Assert.Equal(HttpStatusCode.BadRequest, (await _desk.Agent.GetAsync($"/api/queue?pageSize=1&sort=created&continuationToken={Uri.EscapeDataString(token)}")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _desk.Agent.GetAsync("/api/reports/sla?groupBy=week&from=yesterday")).StatusCode);
    }
}
