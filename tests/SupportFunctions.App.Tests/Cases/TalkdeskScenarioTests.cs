using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Tests.Infrastructure;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Tests.Cases;

public sealed class TalkdeskScenarioTests : IAsyncLifetime
{
    private SupportApp _app = null!;

    public async Task InitializeAsync() => _app = await SupportApp.StartAsync("talkdesk");

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task A_non_administrator_submission_is_closed_at_once_with_the_notice_of_who_can_submit()
    {
        var agent = await _app.CustomerAsync(roles: ["Agent"]);

        var response = await agent.Client.PostCaseAsync(new { subject = "Billing question", description = "Why was I charged twice?", category = "billing" });

        await SupportApp.Expect(response, HttpStatusCode.Created);
        var view = await response.JsonAsync();
        Assert.Equal("Closed", view.GetProperty("status").GetString());
        Assert.Equal("not-entitled", view.GetProperty("closure").GetProperty("reason").GetString());
        Assert.StartsWith("Talkdesk Customer Care solo procesa", view.GetProperty("closure").GetProperty("notice").GetString(), StringComparison.Ordinal);

        var number = view.GetProperty("number").GetString()!;
        var intents = await _app.Services.GetRequiredService<CaseRepository>().GetIntentsAsync(number, default);
        var intent = Assert.Single(intents);
        Assert.Equal("not-entitled-notice", intent.Kind);
        Assert.Equal([agent.Email], intent.Recipients);
    }

    [Fact]
    public async Task An_administrator_opens_a_case_acknowledged_and_triaged_by_impact_and_urgency()
    {
        var admin = await _app.CustomerAsync(roles: ["Administrator"]);

        var response = await admin.Client.PostCaseAsync(new
        {
            subject = "One-way audio",
            description = "Customers cannot hear agents",
            category = "technical-support",
            productAreas = new[] { "Talkdesk Phone" },
            impact = "high",
            urgency = "high",
            cc = new[] { "ops@acme.example" },
            fields = new { interactionId = "INT-123", connectionType = "wifi" },
        });

        await SupportApp.Expect(response, HttpStatusCode.Created);
        var view = await response.JsonAsync();
        Assert.Equal("New", view.GetProperty("status").GetString());
        Assert.Equal("technical-escalations", view.GetProperty("team").GetProperty("id").GetString());
        Assert.Equal("urgent", view.GetProperty("priority").GetString());
        Assert.Matches("^TD-[0-9]{7}$", view.GetProperty("number").GetString());
        var intent = Assert.Single(await _app.Services.GetRequiredService<CaseRepository>().GetIntentsAsync(view.GetProperty("number").GetString()!, default));
        Assert.Equal("acknowledgement", intent.Kind);
        Assert.Equal([admin.Email, "ops@acme.example"], intent.Recipients);
    }

    [Fact]
    public async Task A_custom_administrator_role_may_submit()
    {
        var account = await _app.CreateAccountAsync(new { name = "Custom roles", customRoles = new Dictionary<string, string> { ["Supervisor Admin"] = "Administrator" } });
        var supervisor = await _app.ContactAsync(account, roles: ["Supervisor Admin"]);

        var response = await supervisor.Client.PostCaseAsync(new { subject = "Invoice", description = "Need a copy", category = "billing" });

        await SupportApp.Expect(response, HttpStatusCode.Created);
        Assert.Equal("New", (await response.JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_three_views_show_mine_cc_and_my_organisation_with_paging()
    {
        var alice = await _app.CustomerAsync(roles: ["Administrator"]);
        var bob = await _app.ContactAsync(alice.AccountId, roles: ["Administrator"]);
        var carol = await _app.ContactAsync(alice.AccountId, roles: ["Agent"]);
        for (var i = 0; i < 3; i++)
        {
            await SupportApp.Expect(await alice.Client.PostCaseAsync(new { subject = $"Alice {i}", description = "d", category = "billing" }), HttpStatusCode.Created);
        }

        await SupportApp.Expect(await bob.Client.PostCaseAsync(new { subject = "Bob, Alice in CC", description = "d", category = "billing", cc = new[] { alice.Email } }), HttpStatusCode.Created);

        var mine = await (await alice.Client.GetAsync("/api/cases?view=mine&pageSize=2")).JsonAsync();
        Assert.Equal(2, mine.GetProperty("items").GetArrayLength());
        Assert.Equal("Alice 2", mine.GetProperty("items")[0].GetProperty("subject").GetString());
        var token = mine.GetProperty("continuationToken").GetString();
        var rest = await (await alice.Client.GetAsync($"/api/cases?view=mine&pageSize=2&continuationToken={Uri.EscapeDataString(token!)}")).JsonAsync();
        Assert.Equal("Alice 0", Assert.Single(rest.GetProperty("items").EnumerateArray()).GetProperty("subject").GetString());

        var cc = await (await alice.Client.GetAsync("/api/cases?view=cc")).JsonAsync();
        Assert.Equal("Bob, Alice in CC", Assert.Single(cc.GetProperty("items").EnumerateArray()).GetProperty("subject").GetString());

        var organization = await (await bob.Client.GetAsync("/api/cases?view=organization")).JsonAsync();
        Assert.Equal(4, organization.GetProperty("items").GetArrayLength());

        var refused = await carol.Client.GetAsync("/api/cases?view=organization");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
