using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupportFunctions.App.Notifications;
using SupportFunctions.App.Tests.Cases;
using SupportFunctions.App.Tests.Infrastructure;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Tests.Notifications;

/// <summary>The outbox sender against a fake SendGrid on a loopback port, with the app on Azurite.</summary>
public sealed class NotificationDeliveryTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private FakeSendGrid _sendGrid = null!;
    private SupportApp? _app;

    public async Task InitializeAsync() => _sendGrid = await FakeSendGrid.StartAsync();

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await _sendGrid.DisposeAsync();
    }

    private async Task<SupportApp> StartAsync(bool activityLookup = false, Action<IServiceCollection>? services = null, Action<Dictionary<string, string?>>? settings = null)
    {
        _app = await SupportApp.StartAsync("purecloud", s =>
        {
            _sendGrid.Configure(s, activityLookup);
            settings?.Invoke(s);
        }, services);
        return _app;
    }

    private static async Task<string> OpenAsync(Customer customer, string subject = "Las llamadas se cortan")
    {
        var response = await customer.Client.PostCaseAsync(new { subject, description = "Calls drop after 30 s", category = "technical-problem", severity = 2, cc = new[] { "ops@acme.example" }, fields = new { businessImpact = "Some" } });
        await SupportApp.Expect(response, HttpStatusCode.Created);
        return (await response.JsonAsync()).GetProperty("number").GetString()!;
    }

    private Task<IReadOnlyList<JsonElement>> AcceptedForAsync(string number, string kind, int count) =>
        Eventually.WaitAsync(
            () => Task.FromResult((IReadOnlyList<JsonElement>)_sendGrid.Accepted.Where(b => b.GetProperty("custom_args").GetProperty("case_number").GetString() == number && b.GetProperty("custom_args").GetProperty("kind").GetString() == kind).ToList()),
            list => list.Count >= count,
            Wait,
            $"{count} accepted {kind} mail(s) for {number}");

    private async Task<JsonElement> DeliveryAsync(string number, string kind, string state) =>
        await Eventually.WaitAsync(
            async () => (await (await _app!.Admin.GetAsync($"/api/admin/cases/{number}/notifications")).JsonAsync()).EnumerateArray().FirstOrDefault(d => d.GetProperty("kind").GetString() == kind),
            d => d.ValueKind == JsonValueKind.Object && d.GetProperty("state").GetString() == state,
            Wait,
            $"the {kind} notification of {number} to be {state}");

    [Fact]
    public async Task Acknowledgement_goes_to_requester_with_cc_in_spanish_with_threading_headers_and_encoded_html()
    {
        var app = await StartAsync();
        var customer = await app.CustomerAsync(designated: true, language: "es");

        var number = await OpenAsync(customer, "Error <script>alert(1)</script> en la consola");

        var mail = (await AcceptedForAsync(number, "acknowledgement", 1)).Single();
        var personalization = mail.GetProperty("personalizations").EnumerateArray().Single();
        Assert.Equal(customer.Email, personalization.GetProperty("to")[0].GetProperty("email").GetString());
        Assert.Equal("ops@acme.example", personalization.GetProperty("cc")[0].GetProperty("email").GetString());
        var subject = mail.GetProperty("subject").GetString()!;
        Assert.StartsWith($"[{number}] Recibimos su solicitud", subject, StringComparison.Ordinal);
        Assert.Equal($"soporte+{number}@purecloud.example", mail.GetProperty("reply_to").GetProperty("email").GetString());
        var messageId = mail.GetProperty("headers").GetProperty("Message-ID").GetString()!;
        Assert.Equal($"<{number}-acknowledgement@purecloud.example>", messageId);
        Assert.Contains($"<{number}@purecloud.example>", mail.GetProperty("headers").GetProperty("References").GetString(), StringComparison.Ordinal);
        var content = mail.GetProperty("content");
        Assert.Equal("text/plain", content[0].GetProperty("type").GetString());
        Assert.Contains("<script>", subject, StringComparison.Ordinal);
        Assert.Equal("text/html", content[1].GetProperty("type").GetString());
        Assert.DoesNotContain("<script>", content[1].GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", content[1].GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Contains("acknowledgement", mail.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.Empty(_sendGrid.Violations);

        // A customer's reply to this mail threads back to the case by its Message-ID.
        Assert.Equal(number, await app.Services.GetRequiredService<MessageIdRepository>().FindCaseAsync([messageId], CancellationToken.None));
        var delivery = await DeliveryAsync(number, "acknowledgement", "sent");
        Assert.Equal(1, delivery.GetProperty("attempts").GetInt32());
    }

    [Fact]
    public async Task Rate_limited_and_failing_sends_are_retried_after_retry_after_and_delivered_once()
    {
        _sendGrid.Answer(429, retryAfter: "2");
        _sendGrid.Answer(503);
        var app = await StartAsync();
        var customer = await app.CustomerAsync(designated: true);

        var number = await OpenAsync(customer);

        await AcceptedForAsync(number, "acknowledgement", 1);
        var delivery = await DeliveryAsync(number, "acknowledgement", "sent");
        Assert.Equal(3, delivery.GetProperty("attempts").GetInt32());
        var attempts = _sendGrid.Attempts.Where(a => a.Body.GetProperty("custom_args").GetProperty("case_number").GetString() == number).ToList();
        Assert.Equal([429, 503, 202], attempts.Select(a => a.Status));
        Assert.True(attempts[1].At - attempts[0].At >= TimeSpan.FromSeconds(1.9), $"the retry came {(attempts[1].At - attempts[0].At).TotalSeconds:0.00} s after a 429 asking for 2 s");
        await Task.Delay(1500);
        Assert.Single(_sendGrid.Accepted, b => b.GetProperty("custom_args").GetProperty("case_number").GetString() == number);
    }

    [Fact]
    public async Task A_refused_mail_is_not_retried_and_is_recorded_on_the_case()
    {
        _sendGrid.Answer(400);
        var app = await StartAsync();
        var customer = await app.CustomerAsync(designated: true);

        var number = await OpenAsync(customer);

        var delivery = await DeliveryAsync(number, "acknowledgement", "failed");
        Assert.Contains("SendGrid answered 400", delivery.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var events = await Eventually.WaitAsync(
            async () => (await (await app.Admin.GetAsync($"/api/cases/{number}/events")).JsonAsync()).EnumerateArray().ToList(),
            list => list.Any(e => e.GetProperty("type").GetString() == "notification-failed"),
            Wait,
            "the notification-failed event");
        Assert.Contains("from.email", events.Single(e => e.GetProperty("type").GetString() == "notification-failed").GetProperty("data").GetProperty("reason").GetString(), StringComparison.Ordinal);
        await Task.Delay(2500);
        Assert.Single(_sendGrid.Attempts, a => a.Body.GetProperty("custom_args").GetProperty("case_number").GetString() == number);
    }

    [Fact]
    public async Task An_agent_reply_is_mailed_to_requester_and_cc_and_an_internal_note_is_not()
    {
        var app = await StartAsync();
        var customer = await app.CustomerAsync(designated: true, language: "pt-BR");
        var agent = await app.Admin.PostAsJsonAsync("/api/admin/agents", new { name = "Sam", email = "sam@vendor.example", teams = new[] { "technical-support" } });
        var agentClient = app.Client(await app.IssueKeyAsync("agent", (await agent.JsonAsync()).GetProperty("id").GetString()!));
        var number = await OpenAsync(customer);
        await AcceptedForAsync(number, "acknowledgement", 1);

        await SupportApp.Expect(await agentClient.PostAsJsonAsync($"/api/cases/{number}/notes", new { body = "PBX misconfigured on their side" }), HttpStatusCode.OK);
        await SupportApp.Expect(await agentClient.PostAsJsonAsync($"/api/cases/{number}/replies", new { body = "Estamos analisando." }), HttpStatusCode.OK);

        var reply = (await AcceptedForAsync(number, "agent-reply", 1)).Single();
        Assert.StartsWith($"[{number}] Nova resposta no seu caso", reply.GetProperty("subject").GetString(), StringComparison.Ordinal);
        Assert.Contains("Estamos analisando.", reply.GetProperty("content")[0].GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Equal("ops@acme.example", reply.GetProperty("personalizations")[0].GetProperty("cc")[0].GetProperty("email").GetString());
        await Task.Delay(1000);
        Assert.DoesNotContain(_sendGrid.Attempts, a => a.Body.GetProperty("content")[0].GetProperty("value").GetString()!.Contains("PBX misconfigured", StringComparison.Ordinal));
        var kinds = (await (await app.Admin.GetAsync($"/api/admin/cases/{number}/notifications")).JsonAsync()).EnumerateArray().Select(d => d.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["acknowledgement", "agent-reply"], kinds);
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 2)]
    public async Task A_crash_between_send_and_mark_is_suppressed_by_the_activity_lookup_or_resent_with_the_same_message_id(bool activityLookup, int expectedCopies)
    {
        var crash = new CrashAfterAcceptance();
        var app = await StartAsync(activityLookup, services => services.AddSingleton<IMailProvider>(sp => crash.Wrap(new SendGridMailProvider(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(SendGridMailProvider.HttpClientName),
                sp.GetRequiredService<IOptions<SendGridOptions>>(),
                TimeProvider.System))),
            s =>
            {
                s["SupportFunctions:Mail:LeaseSeconds"] = "1";
                s["SupportFunctions:Mail:SweepGraceSeconds"] = "0";
            });
        var customer = await app.CustomerAsync(designated: true);

        var number = await OpenAsync(customer);

        // The first attempt's mail reaches SendGrid, then the worker dies before recording it; the message stays
        // invisible (60 s), so only the reconciler, once the 1 s lease has run out, can bring the intent back.
        await AcceptedForAsync(number, "acknowledgement", 1);
        var reconciler = app.Services.GetRequiredService<OutboxReconciler>();
        await Eventually.WaitAsync(
            async () =>
            {
                await reconciler.ReconcileAsync(CancellationToken.None);
                return (await (await app.Admin.GetAsync($"/api/admin/cases/{number}/notifications")).JsonAsync()).EnumerateArray().First().GetProperty("state").GetString();
            },
            state => state == "sent",
            Wait,
            "the crashed intent to be settled");
        await Task.Delay(1000);
        var copies = _sendGrid.Accepted.Where(b => b.GetProperty("custom_args").GetProperty("case_number").GetString() == number).ToList();
        Assert.Equal(expectedCopies, copies.Count);
        Assert.Single(copies.Select(c => c.GetProperty("headers").GetProperty("Message-ID").GetString()).Distinct());
        Assert.Equal(activityLookup ? 1 : 0, _sendGrid.Lookups);
    }

    /// <summary>Lets the provider accept the first mail, then throws as if the process died before recording it.</summary>
    private sealed class CrashAfterAcceptance
    {
        private int _crashed;

        public IMailProvider Wrap(IMailProvider inner) => new Provider(inner, this);

        private sealed class Provider(IMailProvider inner, CrashAfterAcceptance owner) : IMailProvider
        {
            public string Name => inner.Name;

            public async Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
            {
                var result = await inner.SendAsync(mail, cancellationToken);
                if (Interlocked.Exchange(ref owner._crashed, 1) == 0)
                {
                    throw new IOException("Simulated crash after the provider accepted the mail.");
                }

                return result;
            }

            public Task<bool?> WasAcceptedAsync(OutgoingMail mail, CancellationToken cancellationToken) => inner.WasAcceptedAsync(mail, cancellationToken);
        }
    }
}
