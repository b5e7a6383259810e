using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Inbound;
using SupportFunctions.App.Tests.Infrastructure;
using SupportFunctions.Storage.Blobs;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Tests.Inbound;

public sealed partial class VoiceIntakeTests : IAsyncLifetime
{
    private const string TwilioToken = "twilio-auth-token-0123";
    private const string TwilioUrl = "https://support.example.com/api/inbound/voice/twilio";
    private const string VoiceSecret = "voice-secret-0123456789";
    private const string OutageLine = "+18663536587";
    private SupportApp _app = null!;

    public async Task InitializeAsync() => _app = await SupportApp.StartAsync("purecloud", settings =>
    {
        settings["SupportFunctions:Inbound:TwilioAuthToken"] = TwilioToken;
        settings["SupportFunctions:Inbound:TwilioWebhookUrl"] = TwilioUrl;
        settings["SupportFunctions:Inbound:VoiceSigningSecret"] = VoiceSecret;
    });

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    private CaseRepository Cases => _app.Services.GetRequiredService<CaseRepository>();

    /// <summary>A designated contact with a phone number, on an account whose phone PIN is 4821.</summary>
    private async Task<(string AccountId, string ContactId, string Phone)> CallerAsync(bool ssoOnly = false)
    {
        var accountId = await _app.CreateAccountAsync(new { name = "Acme " + Guid.NewGuid().ToString("N")[..6], timeZone = "America/Mexico_City", language = "es" });
        var phone = "+1555" + Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
        var contactId = await _app.CreateContactAsync(accountId, new { name = "Luis Pérez", email = $"luis-{Guid.NewGuid():N}@acme.example", phone, roles = new[] { "Administrator" }, designated = true, registered = true, maySendNotifications = true, ssoOnly });
        await SupportApp.Expect(await _app.Admin.PutAsJsonAsync($"/api/admin/accounts/{accountId}/phone-pin", new { pin = "4821" }), HttpStatusCode.NoContent);
        return (accountId, contactId, phone);
    }

    private async Task<HttpResponseMessage> TwilioAsync(IReadOnlyList<KeyValuePair<string, string>> form, string? signature = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inbound/voice/twilio") { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature ?? TwilioSignature.Compute(TwilioUrl, form, TwilioToken));
        return await _app.Anonymous.SendAsync(request, TestTimeout.Token());
    }

    private static List<KeyValuePair<string, string>> TwilioForm(string callSid, string from, string status, params (string, string)[] extra) =>
    [
        new("CallSid", callSid), new("AccountSid", "AC" + new string('0', 32)), new("From", from), new("Caller", from),
        new("To", OutageLine), new("Called", OutageLine), new("CallStatus", status), new("Direction", "inbound"), new("ApiVersion", "2010-04-01"),
        .. extra.Select(e => new KeyValuePair<string, string>(e.Item1, e.Item2)),
    ];

    private async Task<HttpResponseMessage> VoiceAsync(object body, long? timestamp = null)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(body);
        var stamp = (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/inbound/voice") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signature-Timestamp", stamp);
        request.Headers.Add("X-Signature", WebhookSignature.Compute(VoiceSecret, stamp, Encoding.UTF8.GetBytes(json)));
        return await _app.Anonymous.SendAsync(request, TestTimeout.Token());
    }

    /// <summary>"C S, 0 0 0 0 0 1" spoken in the TwiML → "CS-000001".</summary>
    private static string SpokenNumber(string twiml) => SpokenPattern().Match(twiml).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal).Replace(',', '-');

    [GeneratedRegex(@"(?:is|es|é) ([A-Z ]+, [0-9 ]+)\.")]
    private static partial Regex SpokenPattern();

    [Fact]
    public async Task A_verified_call_on_the_outage_line_opens_a_sev1_at_once_and_later_events_of_the_call_land_on_the_same_case()
    {
        var (_, _, phone) = await CallerAsync();
        var callSid = "CA" + Guid.NewGuid().ToString("N");

        var answer = await TwilioAsync(TwilioForm(callSid, phone, "in-progress", ("Digits", "1*4821")));

        await SupportApp.Expect(answer, HttpStatusCode.OK);
        Assert.Equal("application/xml", answer.Content.Headers.ContentType?.MediaType);
        var twiml = await answer.Content.ReadAsStringAsync();
        Assert.StartsWith("<?xml", twiml, StringComparison.Ordinal);
        var number = SpokenNumber(twiml);
        var opened = await Eventually.WaitAsync(() => Cases.GetAsync(number, TestTimeout.Token()), c => c is not null, TimeSpan.FromSeconds(20), $"case {number}");
        Assert.Equal(1, opened!.Case.Severity);
        Assert.Equal("phone", opened.Case.Channel);
        Assert.Equal(TimeSpan.FromMinutes(10), opened.Case.Sla.Clocks.Single(c => c.Kind == SupportFunctions.Domain.Sla.SlaClockKind.FirstResponse).Target);
        Assert.Contains(await Cases.GetIntentsAsync(number, TestTimeout.Token()), i => i.Kind == "sev1-page");

        var completed = await TwilioAsync(TwilioForm(callSid, phone, "completed", ("RecordingUrl", "https://api.twilio.com/rec/RE1"), ("CallDuration", "95")));
        Assert.Equal(number, SpokenNumber(await completed.Content.ReadAsStringAsync()));
        var events = await Eventually.WaitAsync(
            () => Cases.GetEventsAsync(number, TestTimeout.Token()),
            e => e.Any(x => x.Type == "call-event" && x.Data.GetValueOrDefault("recordingUrl") == "https://api.twilio.com/rec/RE1"),
            TimeSpan.FromSeconds(20),
            "the recording on the case");
        Assert.Equal(2, events.Count(e => e.Type == "call-event"));
    }

    [Fact]
    public async Task A_request_with_a_bad_signature_is_403_and_stores_nothing()
    {
        var (_, _, phone) = await CallerAsync();
        var form = TwilioForm("CA" + Guid.NewGuid().ToString("N"), phone, "ringing");

        var response = await TwilioAsync(form, signature: TwilioSignature.Compute(TwilioUrl, form, "not-the-token"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var layout = _app.Services.GetRequiredService<StorageLayout>();
        Assert.Empty(await layout.Container(StorageLayout.InboundContainer).ListAsync(cancellationToken: TestTimeout.Token()).ToListAsync());
    }

    [Fact]
    public async Task An_unknown_caller_hears_so_and_the_call_is_listed_as_refused()
    {
        var response = await TwilioAsync(TwilioForm("CA" + Guid.NewGuid().ToString("N"), "+15550000000", "ringing"));

        Assert.Contains("could not find your phone number", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var refused = await Eventually.WaitAsync(
            async () => (await _app.Admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/admin/inbound/refused")).GetProperty("items").GetArrayLength(),
            count => count == 1,
            TimeSpan.FromSeconds(20),
            "the refused call");
        Assert.Equal(1, refused);
    }

    [Fact]
    public async Task A_caller_with_the_wrong_pin_gets_no_sev1_and_an_sso_only_operator_request_is_refused_on_the_case()
    {
        var (_, _, phone) = await CallerAsync(ssoOnly: true);
        var callId = "call-" + Guid.NewGuid().ToString("N");

        var response = await VoiceAsync(new { callId, @event = "answered", from = phone, to = OutageLine, selections = new { severity = 1, pin = "0000", request = "send-notification", message = "Evacuate building B" } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var number = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("caseNumber").GetString()!;
        var events = await Eventually.WaitAsync(() => Cases.GetEventsAsync(number, TestTimeout.Token()), e => e.Any(x => x.Type.StartsWith("operator-request", StringComparison.Ordinal)), TimeSpan.FromSeconds(20), "the operator request");
        var refusal = events.Single(e => e.Type == "operator-request-refused");
        Assert.Contains("PIN", refusal.Data["reason"], StringComparison.Ordinal);
        var opened = await Cases.GetAsync(number, TestTimeout.Token());
        Assert.NotEqual(1, opened!.Case.Severity);
    }

    [Fact]
    public async Task A_verified_operator_request_pages_on_call_and_a_stale_signature_is_refused_as_a_replay()
    {
        var (_, _, phone) = await CallerAsync();
        var callId = "call-" + Guid.NewGuid().ToString("N");
        var body = new { callId, @event = "answered", from = phone, to = OutageLine, selections = new { severity = 1, pin = "4821", request = "send-notification", message = "Evacuate building B" } };

        var stale = await VoiceAsync(body, DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds());
        Assert.Equal(HttpStatusCode.Forbidden, stale.StatusCode);

        var response = await VoiceAsync(body);
        var number = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("caseNumber").GetString()!;
        await Eventually.WaitAsync(() => Cases.GetEventsAsync(number, TestTimeout.Token()), e => e.Any(x => x.Type == "operator-request"), TimeSpan.FromSeconds(20), "the accepted operator request");
        var intents = await Cases.GetIntentsAsync(number, TestTimeout.Token());
        Assert.Contains(intents, i => i.Kind == "operator-request" && i.Data["message"] == "Evacuate building B");
        Assert.Equal(1, (await Cases.GetAsync(number, TestTimeout.Token()))!.Case.Severity);
    }
}
