using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Tests.Infrastructure;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Tests.Cases;

public sealed class CaseClosingApiTests : IAsyncLifetime
{
    private SupportApp _app = null!;
    private Customer _customer = null!;
    private HttpClient _agent = null!;

    public async Task InitializeAsync()
    {
        _app = await SupportApp.StartAsync(TestPolicies.EverbridgeWaitInSeconds(waitSeconds: 6, reminderBeforeSeconds: 3));
        _customer = await _app.CustomerAsync();
        var agent = await _app.Admin.PostAsJsonAsync("/api/admin/agents", new { name = "Sam", email = "sam@vendor.example", teams = new[] { "support" } });
        _agent = _app.Client(await _app.IssueKeyAsync("agent", (await agent.JsonAsync()).GetProperty("id").GetString()!));
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    private async Task<string> OpenAsync()
    {
        var response = await _customer.Client.PostCaseAsync(new { subject = "Users cannot log in", description = "SSO fails", category = "general-question" });
        await SupportApp.Expect(response, HttpStatusCode.Created);
        return (await response.JsonAsync()).GetProperty("number").GetString()!;
    }

    private async Task<List<string>> TypesAsync(string number) =>
        (await (await _agent.GetAsync($"/api/cases/{number}/events")).JsonAsync()).EnumerateArray().Select(e => e.GetProperty("type").GetString()!).ToList();

    private async Task<string> StatusAsync(string number) => (await (await _customer.Client.GetAsync($"/api/cases/{number}")).JsonAsync()).GetProperty("status").GetString()!;

    [Fact]
    public async Task A_customer_change_case_auto_closes_after_the_wait_with_one_reminder_before()
    {
        var number = await OpenAsync();
        var closing = await _agent.PostAsJsonAsync($"/api/cases/{number}/close", new { reason = "customerChange", note = "An administrator must enable SSO for the group" });
        await SupportApp.Expect(closing, HttpStatusCode.OK);
        Assert.Equal("PendingCustomer", (await closing.JsonAsync()).GetProperty("status").GetString());

        var types = await Eventually.WaitAsync(() => TypesAsync(number), t => t.Contains("auto-closed"), TimeSpan.FromSeconds(30), "the auto-close");
        await Task.Delay(1000);

        Assert.Equal(1, (await TypesAsync(number)).Count(t => t == "pending-customer-reminder"));
        Assert.True(types.IndexOf("pending-customer-reminder") < types.IndexOf("auto-closed"));
        Assert.Equal("Closed", await StatusAsync(number));
        var intents = await _app.Services.GetRequiredService<CaseRepository>().GetIntentsAsync(number, default);
        Assert.Single(intents, i => i.Kind == "pending-customer-reminder");
        Assert.Single(intents, i => i.Kind == "auto-closed");
    }

    [Fact]
    public async Task A_reply_after_the_reminder_prevents_the_auto_close()
    {
        var number = await OpenAsync();
        await SupportApp.Expect(await _agent.PostAsJsonAsync($"/api/cases/{number}/close", new { reason = "customerChange" }), HttpStatusCode.OK);
        await Eventually.WaitAsync(() => TypesAsync(number), t => t.Contains("pending-customer-reminder"), TimeSpan.FromSeconds(30), "the reminder");

        await SupportApp.Expect(await _customer.Client.PostAsJsonAsync($"/api/cases/{number}/replies", new { body = "Still failing after the change" }), HttpStatusCode.OK);
        await Task.Delay(6000);

        Assert.Equal("Open", await StatusAsync(number));
        Assert.DoesNotContain("auto-closed", await TypesAsync(number));
    }

    [Fact]
    public async Task After_the_auto_close_the_customer_can_still_reopen()
    {
        var number = await OpenAsync();
        await SupportApp.Expect(await _agent.PostAsJsonAsync($"/api/cases/{number}/close", new { reason = "customerChange" }), HttpStatusCode.OK);
        await Eventually.WaitAsync(() => TypesAsync(number), t => t.Contains("auto-closed"), TimeSpan.FromSeconds(30), "the auto-close");

        var reply = await _customer.Client.PostAsJsonAsync($"/api/cases/{number}/replies", new { body = "The problem came back" });

        await SupportApp.Expect(reply, HttpStatusCode.OK);
        Assert.Equal("Open", (await reply.JsonAsync()).GetProperty("status").GetString());
        Assert.Contains("reopened", await TypesAsync(number));
    }

    [Fact]
    public async Task Closing_without_a_resolution_needs_what_each_reason_names()
    {
        var number = await OpenAsync();
        var noDefect = await _agent.PostAsJsonAsync($"/api/cases/{number}/close", new { reason = "defect" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noDefect.StatusCode);
        Assert.NotEmpty((await noDefect.JsonAsync()).ErrorsFor("defectId"));
        Assert.NotEmpty((await (await _agent.PostAsJsonAsync($"/api/cases/{number}/close", new { reason = "thirdParty" })).JsonAsync()).ErrorsFor("vendor"));
        Assert.NotEmpty((await (await _agent.PostAsJsonAsync($"/api/cases/{number}/close", new { reason = "bored" })).JsonAsync()).ErrorsFor("reason"));

        var defect = await _agent.PostAsJsonAsync($"/api/cases/{number}/close", new { reason = "defect", defectId = "DEF-4411" });
        await SupportApp.Expect(defect, HttpStatusCode.OK);
        var closure = (await defect.JsonAsync()).GetProperty("closure");
        Assert.Equal("defect", closure.GetProperty("reason").GetString());
        Assert.Contains("DEF-4411", closure.GetProperty("notice").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, (await _agent.PostAsJsonAsync($"/api/cases/{number}/close", new { reason = "resolved" })).StatusCode);

        var idea = await OpenAsync();
        var enhancement = await (await _agent.PostAsJsonAsync($"/api/cases/{idea}/close", new { reason = "enhancement", ideaReference = "IDEA-77" })).JsonAsync();
        Assert.Contains("Community", enhancement.GetProperty("closure").GetProperty("notice").GetString(), StringComparison.Ordinal);

        var sftp = await OpenAsync();
        var referral = await (await _agent.PostAsJsonAsync($"/api/cases/{sftp}/close", new { reason = "thirdParty", vendor = "FileZilla" })).JsonAsync();
        Assert.Contains("FileZilla", referral.GetProperty("closure").GetProperty("notice").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await _customer.Client.PostAsJsonAsync($"/api/cases/{sftp}/close", new { reason = "resolved" })).StatusCode);
    }
}
