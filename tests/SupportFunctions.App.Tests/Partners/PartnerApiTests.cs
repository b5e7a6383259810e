using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SupportFunctions.App.Tests.Cases;
using SupportFunctions.App.Tests.Infrastructure;

namespace SupportFunctions.App.Tests.Partners;

/// <summary>The partner API on the Mitel CloudLink policy: accounts a partner creates, support contacts, keys, limits, and the report fan-out.</summary>
public sealed class PartnerApiTests : IAsyncLifetime
{
    private FakeSendGrid _sendGrid = null!;
    private SupportApp _app = null!;

    public async Task InitializeAsync()
    {
        _sendGrid = await FakeSendGrid.StartAsync();
        _app = await SupportApp.StartAsync("mitel-cloudlink", s =>
        {
            _sendGrid.Configure(s);
            s["SupportFunctions:RateLimits:PartnerBurst"] = "40";
            s["SupportFunctions:RateLimits:PartnerPerSecond"] = "1";
        });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _sendGrid.DisposeAsync();
    }

    private async Task<(string PartnerId, HttpClient Client, string Key)> PartnerAsync(string name)
    {
        var created = await _app.Admin.PostAsJsonAsync("/api/admin/partners", new { name });
        await SupportApp.Expect(created, HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("id").GetString()!;
        var key = await _app.IssueKeyAsync("partner", id);
        return (id, _app.Client(key), key);
    }

    private static async Task<string> UserAsync(HttpClient partner, string name, string email)
    {
        var response = await partner.PostAsJsonAsync("/api/partners/me/users", new { name, email });
        await SupportApp.Expect(response, HttpStatusCode.Created);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    private static async Task<string> AccountAsync(HttpClient partner, object[] supportContacts)
    {
        var response = await partner.PostAsJsonAsync("/api/partners/me/accounts", new { name = "Cliente " + Guid.NewGuid().ToString("N")[..6], timeZone = "America/Sao_Paulo", language = "es", supportContacts });
        await SupportApp.Expect(response, HttpStatusCode.Created);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task A_partner_gets_404_for_every_account_it_did_not_create_on_every_endpoint()
    {
        var (_, a, _) = await PartnerAsync("Partner A");
        var (_, b, _) = await PartnerAsync("Partner B");
        var own = await AccountAsync(a, [new { email = "help@partner-a.example" }]);
        var othersPartner = await AccountAsync(b, [new { email = "help@partner-b.example" }]);
        var vendors = await _app.CreateAccountAsync(new { name = "Direct customer" });
        var endpoints = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, "/api/partners/me/accounts/{0}", null),
            (HttpMethod.Patch, "/api/partners/me/accounts/{0}", new { name = "Renamed" }),
            (HttpMethod.Get, "/api/partners/me/accounts/{0}/support-contacts", null),
            (HttpMethod.Put, "/api/partners/me/accounts/{0}/support-contacts", new { supportContacts = new[] { new { email = "x@partner-a.example" } } }),
            (HttpMethod.Post, "/api/partners/me/accounts/{0}/support-contacts", new { email = "y@partner-a.example" }),
            (HttpMethod.Delete, "/api/partners/me/accounts/{0}/support-contacts/email:help@partner-a.example", null),
            (HttpMethod.Get, "/api/partners/me/accounts/{0}/contacts", null),
            (HttpMethod.Post, "/api/partners/me/accounts/{0}/contacts", new { name = "Eva", email = $"eva-{Guid.NewGuid():N}@customer.example" }),
            (HttpMethod.Get, "/api/partners/me/accounts/{0}/cases", null),
        };

        var bodies = new HashSet<string>();
        foreach (var (method, path, body) in endpoints)
        {
            foreach (var foreign in new[] { othersPartner, vendors, "acc-does-not-exist" })
            {
                using var request = new HttpRequestMessage(method, string.Format(System.Globalization.CultureInfo.InvariantCulture, path, foreign));
                if (body is not null)
                {
                    request.Content = method == HttpMethod.Patch
                        ? new StringContent(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/merge-patch+json")
                        : JsonContent.Create(body);
                }

                var response = await a.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {request.RequestUri} answered {(int)response.StatusCode}");
                var problem = await response.JsonAsync();
                bodies.Add(problem.GetProperty("title").GetString() + "|" + problem.GetProperty("detail").GetString()!.Replace(foreign, "{id}", StringComparison.Ordinal));
            }

            using var ownRequest = new HttpRequestMessage(HttpMethod.Get, string.Format(System.Globalization.CultureInfo.InvariantCulture, "/api/partners/me/accounts/{0}", own));
            Assert.Equal(HttpStatusCode.OK, (await a.SendAsync(ownRequest)).StatusCode);
        }

        // One answer for "someone else's" and "nobody's": existence does not leak.
        Assert.Single(bodies);
        var listed = (await (await a.GetAsync("/api/partners/me/accounts")).JsonAsync()).EnumerateArray().Select(x => x.GetProperty("id").GetString()).ToList();
        Assert.Equal([own], listed);
    }

    [Fact]
    public async Task Support_contacts_must_be_valid_addresses_or_own_users_and_at_least_one()
    {
        var (_, partner, _) = await PartnerAsync("Partner C");
        var (_, other, _) = await PartnerAsync("Partner D");
        var foreignUser = await UserAsync(other, "Someone Else", "else@partner-d.example");

        var invalid = await partner.PostAsJsonAsync("/api/partners/me/accounts", new { name = "Cliente", supportContacts = new object[] { new { email = "ok@partner-c.example" }, new { email = "not-an-address" }, new { userId = foreignUser } } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var problem = await invalid.JsonAsync();
        Assert.Contains("contains an invalid email", problem.ErrorsFor("supportContacts[1].email").Single(), StringComparison.Ordinal);
        Assert.Contains("is not a user of your partner organisation", problem.ErrorsFor("supportContacts[2].userId").Single(), StringComparison.Ordinal);
        var none = await (await partner.PostAsJsonAsync("/api/partners/me/accounts", new { name = "Cliente", supportContacts = Array.Empty<object>() })).JsonAsync();
        Assert.Contains("at least 1 support contact", none.ErrorsFor("supportContacts").Single(), StringComparison.Ordinal);

        var account = await AccountAsync(partner, [new { email = "ok@partner-c.example" }]);
        var removeLast = await partner.DeleteAsync($"/api/partners/me/accounts/{account}/support-contacts/email:ok@partner-c.example");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, removeLast.StatusCode);
        var addBad = await partner.PostAsJsonAsync($"/api/partners/me/accounts/{account}/support-contacts", new { email = "broken@" });
        Assert.Contains("contains an invalid email", (await addBad.JsonAsync()).ErrorsFor("supportContacts[1].email").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Partner_users_are_found_by_name_word_or_email_prefix()
    {
        var (_, partner, _) = await PartnerAsync("Partner E");
        await UserAsync(partner, "María López", "maria@partner-e.example");
        await UserAsync(partner, "Pedro Alves", "p.alves@partner-e.example");
        await UserAsync(partner, "Lorena Díaz", "ldiaz@partner-e.example");

        async Task<List<string>> Find(string prefix) =>
            (await (await partner.GetAsync($"/api/partners/me/users?prefix={Uri.EscapeDataString(prefix)}")).JsonAsync()).EnumerateArray().Select(u => u.GetProperty("name").GetString()!).ToList();

        Assert.Equal(["Lorena Díaz", "María López"], await Find("lo"));
        Assert.Equal(["Pedro Alves"], await Find("p.al"));
        Assert.Empty(await Find("zz"));
    }

    [Fact]
    public async Task A_partner_deletes_its_own_users_and_gets_404_for_another_partners_user()
    {
        var (_, a, _) = await PartnerAsync("Partner H");
        var (_, b, _) = await PartnerAsync("Partner I");
        var ofA = await UserAsync(a, "Rita Moreira", "rita@partner-h.example");

        var byOther = await b.DeleteAsync(new Uri($"/api/partners/me/users/{ofA}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, byOther.StatusCode);
        Assert.Equal("application/problem+json", byOther.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Rita Moreira", (await (await a.GetAsync("/api/partners/me/users")).Content.ReadAsStringAsync()), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await a.DeleteAsync(new Uri($"/api/partners/me/users/{ofA}", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("Rita Moreira", (await (await a.GetAsync("/api/partners/me/users")).Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await a.DeleteAsync(new Uri($"/api/partners/me/users/{ofA}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Administrators_edit_support_contacts_only_of_partner_created_accounts()
    {
        var (_, partner, _) = await PartnerAsync("Partner F");
        var partnerAccount = await AccountAsync(partner, [new { email = "first@partner-f.example" }]);
        var vendorAccount = await _app.CreateAccountAsync(new { name = "Direct" });

        var onVendor = await _app.Admin.PutAsJsonAsync($"/api/admin/accounts/{vendorAccount}/support-contacts", new { supportContacts = new[] { new { email = "x@y.example" } } });
        var onUnknown = await _app.Admin.PutAsJsonAsync("/api/admin/accounts/acc-nope/support-contacts", new { supportContacts = new[] { new { email = "x@y.example" } } });
        var onPartner = await _app.Admin.PostAsJsonAsync($"/api/admin/accounts/{partnerAccount}/support-contacts", new { email = "second@partner-f.example" });

        Assert.Equal(HttpStatusCode.Conflict, onVendor.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onUnknown.StatusCode);
        await SupportApp.Expect(onPartner, HttpStatusCode.OK);
        var seenByPartner = (await (await partner.GetAsync($"/api/partners/me/accounts/{partnerAccount}/support-contacts")).JsonAsync()).EnumerateArray().Select(c => c.GetProperty("email").GetString()).ToList();
        Assert.Equal(["first@partner-f.example", "second@partner-f.example"], seenByPartner);
    }

    [Fact]
    public async Task A_rotated_key_overlaps_then_stops_and_a_revoked_key_stops_at_once()
    {
        var (_, partner, firstKey) = await PartnerAsync("Partner G");
        var firstKeyId = (await (await partner.GetAsync("/api/partners/me/keys")).JsonAsync())[0].GetProperty("keyId").GetString()!;

        var rotated = await partner.PostAsJsonAsync($"/api/partners/me/keys/{firstKeyId}/rotate", new { overlapMinutes = 60 });
        await SupportApp.Expect(rotated, HttpStatusCode.Created);
        var body = await rotated.JsonAsync();
        var secondKey = body.GetProperty("newKey").GetProperty("key").GetString()!;
        var second = _app.Client(secondKey);

        Assert.Equal(HttpStatusCode.OK, (await _app.Client(firstKey).GetAsync("/api/partners/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/partners/me")).StatusCode);
        Assert.True(body.GetProperty("oldKeyExpiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(55));

        var secondKeyId = body.GetProperty("newKey").GetProperty("keyId").GetString()!;
        await SupportApp.Expect(await second.PostAsJsonAsync($"/api/partners/me/keys/{secondKeyId}/rotate", new { overlapMinutes = 0 }), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/partners/me")).StatusCode);

        await SupportApp.Expect(await _app.Client(firstKey).DeleteAsync($"/api/partners/me/keys/{firstKeyId}"), HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Client(firstKey).GetAsync("/api/partners/me")).StatusCode);
        var (_, stranger, _) = await PartnerAsync("Partner H");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/partners/me/keys/{secondKeyId}")).StatusCode);
    }

    [Fact]
    public async Task A_partner_key_cannot_use_the_desk_api()
    {
        var (_, partner, _) = await PartnerAsync("Partner I");

        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/api/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/api/admin/outbox")).StatusCode);
    }

    [Fact]
    public async Task Each_key_has_its_own_token_bucket_and_a_rejection_says_when_to_retry()
    {
        var (partnerId, partner, _) = await PartnerAsync("Partner J");
        var otherKey = _app.Client(await _app.IssueKeyAsync("partner", partnerId));

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 45 && limited is null; i++)
        {
            var response = await partner.GetAsync("/api/partners/me");
            statuses.Add(response.StatusCode);
            limited = response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.NotNull(limited);
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.OK), 40, 44);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("Too many requests.", (await limited.JsonAsync()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, (await otherKey.GetAsync("/api/partners/me")).StatusCode);
    }

    [Fact]
    public async Task A_customer_report_is_mailed_once_to_each_support_contact_and_never_to_the_customer()
    {
        var (_, partner, _) = await PartnerAsync("Partner K");
        var ana = await UserAsync(partner, "Ana Ruiz", "ana@partner-k.example");
        var luis = await UserAsync(partner, "Luis Mora", "luis@partner-k.example");
        var account = await AccountAsync(partner, [new { userId = ana }, new { userId = luis }, new { email = "noc@partner-k.example" }, new { email = "ANA@partner-k.example" }]);
        var contact = await partner.PostAsJsonAsync($"/api/partners/me/accounts/{account}/contacts", new { name = "Eva Cliente", email = $"eva-{Guid.NewGuid():N}@customer.example", roles = new[] { "User" } });
        await SupportApp.Expect(contact, HttpStatusCode.Created);
        var customer = _app.Client(await _app.IssueKeyAsync("contact", (await contact.JsonAsync()).GetProperty("id").GetString()!, account));

        var opened = await customer.PostCaseAsync(new { subject = "CloudLink chat no carga", description = "La app de chat no abre", category = "cloudlink-app-problem", fields = new { application = "CloudLink Chat" } });
        await SupportApp.Expect(opened, HttpStatusCode.Created);
        var number = (await opened.JsonAsync()).GetProperty("number").GetString()!;

        var report = await Eventually.WaitAsync(
            () => Task.FromResult(_sendGrid.Accepted.Where(b => b.GetProperty("custom_args").GetProperty("case_number").GetString() == number).ToList()),
            list => list.Count >= 1,
            TimeSpan.FromSeconds(30),
            "the partner problem report");
        await Eventually.WaitAsync(
            async () => (await (await _app.Admin.GetAsync($"/api/admin/cases/{number}/notifications")).JsonAsync()).EnumerateArray().Select(d => d.GetProperty("state").GetString()).ToList(),
            states => states.Count == 2 && states.All(s => s is "sent" or "suppressed"),
            TimeSpan.FromSeconds(30),
            "both notifications settled");
        await Task.Delay(1000);

        var mails = _sendGrid.Accepted.Where(b => b.GetProperty("custom_args").GetProperty("case_number").GetString() == number).ToList();
        var mail = Assert.Single(mails);
        Assert.Equal("partner-problem-report", mail.GetProperty("custom_args").GetProperty("kind").GetString());
        var recipients = mail.GetProperty("personalizations").EnumerateArray().Select(p => Assert.Single(p.GetProperty("to").EnumerateArray()).GetProperty("email").GetString()).ToList();
        Assert.Equal(["ana@partner-k.example", "luis@partner-k.example", "noc@partner-k.example"], recipients);
        Assert.StartsWith($"[{number}] Informe de problema de Cliente", mail.GetProperty("subject").GetString(), StringComparison.Ordinal);
        var deliveries = (await (await _app.Admin.GetAsync($"/api/admin/cases/{number}/notifications")).JsonAsync()).EnumerateArray().ToDictionary(d => d.GetProperty("kind").GetString()!, d => d.GetProperty("state").GetString());
        Assert.Equal("suppressed", deliveries["acknowledgement"]);
        Assert.Empty(_sendGrid.Violations);
    }
}
