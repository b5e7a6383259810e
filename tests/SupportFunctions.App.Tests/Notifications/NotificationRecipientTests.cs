using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Notifications;
using SupportFunctions.App.Tests.Cases;
using SupportFunctions.App.Tests.Infrastructure;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Tests.Notifications;

/// <summary>A notification that reaches nobody says why, recipient by recipient.</summary>
public sealed class NotificationRecipientTests : IAsyncLifetime
{
    private SupportApp _app = null!;

    public async Task InitializeAsync() => _app = await SupportApp.StartAsync("everbridge");

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task A_team_without_agents_is_named_as_such_not_as_a_missing_address()
    {
        var customer = await _app.CustomerAsync();
        var created = await customer.Client.PostCaseAsync(new { subject = "Question", description = "How do I export?", category = "general-question" });
        await SupportApp.Expect(created, HttpStatusCode.Created);
        var number = (await created.JsonAsync()).GetProperty("number").GetString()!;
        await SupportApp.Expect(await _app.Admin.PostAsJsonAsync("/api/admin/agents", new { name = "Sam", email = "sam@vendor.example", teams = new[] { "support" } }), HttpStatusCode.Created);
        var c = (await _app.Services.GetRequiredService<CaseRepository>().GetAsync(number, CancellationToken.None))!.Case;
        NotificationIntent Intent(params string[] recipients) => new() { Id = $"{number}-v9-test", CaseNumber = number, Kind = NotificationKinds.SlaBreach, Recipients = recipients, Language = "en", CreatedAt = DateTimeOffset.UtcNow };
        var composer = _app.Services.GetRequiredService<NotificationComposer>();

        var leads = await composer.ComposeAsync(Intent("team:support-leads"), c, CancellationToken.None);
        Assert.Null(leads.Mail);
        Assert.Equal("team support-leads has no agents", leads.SuppressedBecause);

        var mixed = await composer.ComposeAsync(Intent("team:support-leads", "not-an-address"), c, CancellationToken.None);
        Assert.Equal("team support-leads has no agents; 'not-an-address' is not a valid email address", mixed.SuppressedBecause);

        Assert.NotNull((await composer.ComposeAsync(Intent("team:support"), c, CancellationToken.None)).Mail);
    }
}
