using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Tests.Infrastructure;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Tests.Cases;

public sealed class EscalationAndDefectTests
{
    private static async Task<HttpClient> AgentAsync(SupportApp app, string team)
    {
        var agent = await app.Admin.PostAsJsonAsync("/api/admin/agents", new { name = "Sam", email = $"sam-{Guid.NewGuid():N}@vendor.example", teams = new[] { team } });
        return app.Client(await app.IssueKeyAsync("agent", (await agent.JsonAsync()).GetProperty("id").GetString()!));
    }

    [Fact]
    public async Task A_defect_fix_reaches_each_linked_requester_once()
    {
        await using var app = await SupportApp.StartAsync("everbridge");
        var agent = await AgentAsync(app, "support");
        var first = await app.CustomerAsync();
        var second = await app.CustomerAsync();
        var numbers = new List<string>();
        foreach (var customer in new[] { first, second })
        {
            var number = (await (await customer.Client.PostCaseAsync(new { subject = "Map layer empty", description = "d", category = "general-question", cc = new[] { "it@acme.example" } })).JsonAsync()).GetProperty("number").GetString()!;
            await SupportApp.Expect(await agent.PostAsJsonAsync($"/api/cases/{number}/close", new { reason = "defect", defectId = "DEF-4411" }), HttpStatusCode.OK);
            numbers.Add(number);
        }

        var unrelated = (await (await first.Client.PostCaseAsync(new { subject = "Other", description = "d", category = "general-question" })).JsonAsync()).GetProperty("number").GetString()!;

        var fixedIn = await agent.PostAsJsonAsync("/api/defects/DEF-4411/fixed", new { release = "2026.11.2" });
        await SupportApp.Expect(fixedIn, HttpStatusCode.OK);
        Assert.Equal(numbers.Order(), (await fixedIn.JsonAsync()).GetProperty("notified").EnumerateArray().Select(n => n.GetString()).Order());
        var again = await (await agent.PostAsJsonAsync("/api/defects/DEF-4411/fixed", new { release = "2026.11.2" })).JsonAsync();
        Assert.Empty(again.GetProperty("notified").EnumerateArray());

        var repository = app.Services.GetRequiredService<CaseRepository>();
        var firstIntent = Assert.Single(await repository.GetIntentsAsync(numbers[0], default), i => i.Kind == "defect-fixed");
        Assert.Equal([first.Email, "it@acme.example"], firstIntent.Recipients);
        Assert.Equal("2026.11.2", firstIntent.Data["release"]);
        Assert.Single(await repository.GetIntentsAsync(numbers[1], default), i => i.Kind == "defect-fixed");
        Assert.DoesNotContain(await repository.GetIntentsAsync(unrelated, default), i => i.Kind == "defect-fixed");
        Assert.Equal(HttpStatusCode.Forbidden, (await first.Client.PostAsJsonAsync("/api/defects/DEF-4411/fixed", new { release = "x" })).StatusCode);
    }

    [Fact]
    public async Task A_digibee_escalation_request_reaches_the_lead_team_and_is_acknowledged_without_touching_the_sla()
    {
        await using var app = await SupportApp.StartAsync("digibee");
        var customer = await app.CustomerAsync(language: "pt");
        var number = (await (await customer.Client.PostCaseAsync(new { subject = "Dúvida", description = "Como usar o JOLT?", category = "general-question" })).JsonAsync()).GetProperty("number").GetString()!;

        var missing = await customer.Client.PostAsJsonAsync($"/api/cases/{number}/escalations", new { description = "x" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Equal(["environment", "justification"], (await missing.JsonAsync()).ErrorFields().Order());

        var escalated = await customer.Client.PostAsJsonAsync($"/api/cases/{number}/escalations", new { description = "Still blocked", environment = "PROD", justification = "The scenario changed; orders are piling up" });

        Assert.Equal(HttpStatusCode.Accepted, escalated.StatusCode);
        var intents = (await app.Services.GetRequiredService<CaseRepository>().GetIntentsAsync(number, default)).ToDictionary(i => i.Kind);
        Assert.Equal(["team:support-leads"], intents["escalation"].Recipients);
        Assert.Equal("The scenario changed; orders are piling up", intents["escalation"].Data["justification"]);
        Assert.Equal([customer.Email], intents["escalation-acknowledged"].Recipients);
        var stranger = await app.CustomerAsync(language: "pt");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.PostAsJsonAsync($"/api/cases/{number}/escalations", new { description = "x", environment = "PROD", justification = "y" })).StatusCode);
    }

    [Fact]
    public async Task A_purecloud_repeated_error_auto_escalates_on_the_third_report()
    {
        await using var app = await SupportApp.StartAsync("purecloud");
        var customer = await app.CustomerAsync(designated: true);
        var repository = app.Services.GetRequiredService<CaseRepository>();

        async Task<(string Number, bool Escalated)> ReportAsync(string errorCode)
        {
            var response = await customer.Client.PostCaseAsync(new { subject = "Calls drop", description = "Again", category = "technical-problem", severity = 3, fields = new { businessImpact = "Some", errorCode } });
            await SupportApp.Expect(response, HttpStatusCode.Created);
            var number = (await response.JsonAsync()).GetProperty("number").GetString()!;
            return (number, (await repository.GetEventsAsync(number, default)).Any(e => e.Type == "escalated" && e.Data["reason"] == "repeated-error"));
        }

        Assert.False((await ReportAsync("E-503")).Escalated);
        Assert.False((await ReportAsync("e-503 ")).Escalated);
        Assert.False((await ReportAsync("E-404")).Escalated);
        var third = await ReportAsync("E-503");
        Assert.True(third.Escalated);
        Assert.Equal(["team:support-escalations"], Assert.Single(await repository.GetIntentsAsync(third.Number, default), i => i.Kind == "escalation").Recipients);
        var other = await (await app.CustomerAsync(designated: true)).Client.PostCaseAsync(new { subject = "Calls drop", description = "First time", category = "technical-problem", severity = 3, fields = new { businessImpact = "Some", errorCode = "E-503" } });
        var otherNumber = (await other.JsonAsync()).GetProperty("number").GetString()!;
        Assert.DoesNotContain(await repository.GetEventsAsync(otherNumber, default), e => e.Type == "escalated");
    }
}
