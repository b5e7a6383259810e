using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Notifications;
using SupportFunctions.App.Tests.Cases;
using SupportFunctions.App.Tests.Infrastructure;

namespace SupportFunctions.App.Tests.Notifications;

/// <summary>Local mode: the Outbox provider stores what would have been mailed, once per intent, and lists it.</summary>
public sealed class OutboxProviderTests : IAsyncLifetime
{
    private SupportApp _app = null!;

    public async Task InitializeAsync() => _app = await SupportApp.StartAsync("digibee");

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task Mail_is_stored_once_per_intent_and_readable_in_portuguese()
    {
        var customer = await _app.CustomerAsync(language: "pt");
        var opened = await customer.Client.PostCaseAsync(new { subject = "Pipeline parado", description = "O pipeline de pedidos parou às 10h", category = "incident", environment = "prod", fields = new { pipelineName = "orders", pipelineKey = "pk-1", errorMessage = "timeout", errorTimestamp = "2026-11-20T10:00:00Z", expectedBehavior = "Pedidos processados", previousAnalysis = "Reprocessado em TEST: mesmo erro" } });
        await SupportApp.Expect(opened, HttpStatusCode.Created);
        var number = (await opened.JsonAsync()).GetProperty("number").GetString()!;

        var entries = await Eventually.WaitAsync(
            async () => (await (await _app.Admin.GetAsync($"/api/admin/outbox?caseNumber={number}")).JsonAsync()).EnumerateArray().ToList(),
            list => list.Count >= 1,
            TimeSpan.FromSeconds(30),
            "the acknowledgement in the outbox");

        // A second delivery of the same intent (a duplicate message) stores nothing new.
        await _app.Services.GetRequiredService<NotificationDispatcher>().SendAsync(new NotificationMessage(number, $"{number}-acknowledgement"), TimeSpan.Zero, CancellationToken.None);
        await Task.Delay(1500);
        var again = (await (await _app.Admin.GetAsync($"/api/admin/outbox?caseNumber={number}")).JsonAsync()).EnumerateArray().ToList();
        Assert.Single(again);
        var entry = Assert.Single(entries);
        Assert.Equal("acknowledgement", entry.GetProperty("kind").GetString());
        Assert.Equal(customer.Email, entry.GetProperty("to")[0].GetString());
        var mail = await (await _app.Admin.GetAsync($"/api/admin/outbox/{entry.GetProperty("id").GetString()}")).JsonAsync();
        Assert.StartsWith($"[{number}] Recebemos sua solicitação", mail.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Contains("<p style=", mail.GetProperty("html").GetString(), StringComparison.Ordinal);

        // The same mail as its recipient sees it: the HTML part itself, in a page that may load and run nothing.
        using var asPage = new HttpRequestMessage(HttpMethod.Get, $"/api/admin/outbox/{entry.GetProperty("id").GetString()}");
        asPage.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        var page = await _app.Admin.SendAsync(asPage);
        await SupportApp.Expect(page, HttpStatusCode.OK);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal(mail.GetProperty("html").GetString(), await page.Content.ReadAsStringAsync());
        Assert.StartsWith("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"pt\">", mail.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Contains("<h1", mail.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Admin.GetAsync("/api/admin/outbox/nothing-here")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _app.Admin.GetAsync("/api/admin/outbox?limit=0")).StatusCode);
    }
}
