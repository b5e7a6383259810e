using System.Net;
using System.Net.Http.Json;
using SupportFunctions.App.Tests.Infrastructure;

namespace SupportFunctions.App.Tests.Cases;

public sealed class EverbridgeScenarioTests : IAsyncLifetime
{
    private SupportApp _app = null!;

    public async Task InitializeAsync() => _app = await SupportApp.StartAsync("everbridge");

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task A_data_refresh_without_the_shapefile_is_refused_and_accepted_once_it_is_uploaded()
    {
        var customer = await _app.CustomerAsync();
        var refresh = new { subject = "Data refresh", description = "Please refresh county data", category = "data-refresh", fields = new { country = "CA" } };

        var refused = await customer.Client.PostCaseAsync(refresh);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("suba el archivo", (await refused.JsonAsync()).ErrorsFor("fields.boundaryShapefile").Single(), StringComparison.Ordinal);

        var staged = await customer.Client.PostAsJsonAsync("/api/uploads", new { fileName = "county-boundary.zip", contentType = "application/zip", size = 4096, kind = "boundaryShapefile" });
        await SupportApp.Expect(staged, HttpStatusCode.Created);
        var ticket = await staged.JsonAsync();
        var uploadId = ticket.GetProperty("id").GetString()!;

        // Staged but not yet uploaded: still refused.
        var notYet = await customer.Client.PostCaseAsync(new { refresh.subject, refresh.description, refresh.category, refresh.fields, attachments = new[] { new { uploadId } } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notYet.StatusCode);
        Assert.Contains("holds no file yet", (await notYet.JsonAsync()).ErrorsFor("attachments[0]").Single(), StringComparison.Ordinal);

        using (var plain = new HttpClient())
        using (var put = new HttpRequestMessage(HttpMethod.Put, ticket.GetProperty("uploadUrl").GetString()) { Content = new ByteArrayContent(new byte[4096]) })
        {
            put.Headers.Add("x-ms-blob-type", "BlockBlob");
            Assert.Equal(HttpStatusCode.Created, (await plain.SendAsync(put)).StatusCode);
        }

        var accepted = await customer.Client.PostCaseAsync(new { refresh.subject, refresh.description, refresh.category, refresh.fields, attachments = new[] { new { uploadId } } });
        await SupportApp.Expect(accepted, HttpStatusCode.Created);
        var attachment = Assert.Single((await accepted.JsonAsync()).GetProperty("attachments").EnumerateArray());
        Assert.Equal("boundaryShapefile", attachment.GetProperty("kind").GetString());
        Assert.Equal(4096, attachment.GetProperty("size").GetInt64());
        Assert.True(attachment.GetProperty("confirmed").GetBoolean());
    }

    [Fact]
    public async Task A_us_data_refresh_also_needs_the_postal_code_list()
    {
        var customer = await _app.CustomerAsync();
        var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[100]), "file", "boundary.zip" }, { new StringContent("boundaryShapefile"), "kind" } };
        var direct = await customer.Client.PostAsync("/api/uploads", form);
        await SupportApp.Expect(direct, HttpStatusCode.Created);
        var uploadId = (await direct.JsonAsync()).GetProperty("id").GetString();

        var response = await customer.Client.PostCaseAsync(new { subject = "US refresh", description = "d", category = "data-refresh", fields = new { country = "US" }, attachments = new[] { new { uploadId } } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["fields.postalCodeList"], (await response.JsonAsync()).ErrorFields());
    }

    [Fact]
    public async Task Another_customers_upload_cannot_be_attached()
    {
        var owner = await _app.CustomerAsync();
        var other = await _app.CustomerAsync();
        var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[10]), "file", "boundary.zip" } };
        var uploadId = (await (await owner.Client.PostAsync("/api/uploads", form)).JsonAsync()).GetProperty("id").GetString();

        var response = await other.Client.PostCaseAsync(new { subject = "s", description = "d", category = "data-refresh", fields = new { country = "CA" }, attachments = new[] { new { uploadId, kind = "boundaryShapefile" } } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("was not found among your uploads", (await response.JsonAsync()).ErrorsFor("attachments[0]").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_problem_whose_payload_is_script_code_is_refused()
    {
        var customer = await _app.CustomerAsync();
        var before = await _app.SnapshotAsync();

        var response = await customer.Client.PostCaseAsync(new
        {
            subject = "API call fails",
            description = "POST /notifications returns 400",
            category = "api-problem",
            fields = new { apiMethod = "POST /notifications", requestJson = "const body = { name: 'drill' };\nfetch(url, { method: 'POST', body: JSON.stringify(body) });" },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("no código de un script", (await response.JsonAsync()).ErrorsFor("fields.requestJson").Single(), StringComparison.Ordinal);
        Assert.Equal(before, await _app.SnapshotAsync());
    }

    [Fact]
    public async Task An_api_problem_with_the_request_json_as_an_object_is_accepted()
    {
        var customer = await _app.CustomerAsync();
        var response = await customer.Client.PostCaseAsync(new
        {
            subject = "API call fails",
            description = "POST /notifications returns 400",
            category = "api-problem",
            fields = new { apiMethod = "POST /notifications", requestJson = new { name = "drill", broadcastContacts = new[] { 1, 2 } } },
        });

        await SupportApp.Expect(response, HttpStatusCode.Created);
        Assert.Equal("{\"name\":\"drill\",\"broadcastContacts\":[1,2]}", (await response.JsonAsync()).GetProperty("fields").GetProperty("requestJson").GetString());
    }

    [Fact]
    public async Task A_pricing_question_is_routed_to_account_management()
    {
        var customer = await _app.CustomerAsync();
        var response = await customer.Client.PostCaseAsync(new { subject = "Price of SMS bundles", description = "How much for 10k more SMS?", category = "pricing-billing" });
        await SupportApp.Expect(response, HttpStatusCode.Created);
        Assert.Equal("account-management", (await response.JsonAsync()).GetProperty("team").GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_sms_delivery_report_30_hours_after_the_event_carries_the_log_window_warning()
    {
        var customer = await _app.CustomerAsync();
        var response = await customer.Client.PostCaseAsync(new
        {
            subject = "SMS not received",
            description = "Recipients did not get the drill SMS",
            category = "sms-delivery",
            occurredAt = DateTimeOffset.UtcNow.AddHours(-30),
            fields = new { recipientPhone = "+14155550123" },
        });

        await SupportApp.Expect(response, HttpStatusCode.Created);
        var warning = Assert.Single((await response.JsonAsync()).GetProperty("warnings").EnumerateArray(), w => w.GetProperty("code").GetString() == "logs-likely-gone");
        Assert.Contains("24 horas", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_trail_records_creation_and_attachments_with_who_and_when()
    {
        var customer = await _app.CustomerAsync();
        var created = await (await customer.Client.PostCaseAsync(new { subject = "Upload issue", description = "My contact file fails", category = "general-question" })).JsonAsync();
        var number = created.GetProperty("number").GetString();

        var requested = await customer.Client.PostAsJsonAsync($"/api/cases/{number}/attachments", new { fileName = "contacts.csv", contentType = "text/csv", size = 12 });
        await SupportApp.Expect(requested, HttpStatusCode.Created);
        var ticket = await requested.JsonAsync();
        using (var plain = new HttpClient())
        using (var put = new HttpRequestMessage(HttpMethod.Put, ticket.GetProperty("uploadUrl").GetString()) { Content = new StringContent("a,b\n1,2\n3,4\n") })
        {
            put.Headers.Add("x-ms-blob-type", "BlockBlob");
            Assert.Equal(HttpStatusCode.Created, (await plain.SendAsync(put)).StatusCode);
        }

        var confirmed = await customer.Client.PostAsync($"/api/cases/{number}/attachments/{ticket.GetProperty("id").GetString()}/confirm", null);
        await SupportApp.Expect(confirmed, HttpStatusCode.OK);
        Assert.Equal(12, (await confirmed.JsonAsync()).GetProperty("size").GetInt64());

        var events = (await (await customer.Client.GetAsync($"/api/cases/{number}/events")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(["created", "attachment-requested", "attachment-added"], events.Select(e => e.GetProperty("type").GetString()));
        Assert.All(events, e => Assert.Equal($"contact:{customer.ContactId}", e.GetProperty("actor").GetString()));
        Assert.Equal([1, 2, 3], events.Select(e => e.GetProperty("sequence").GetInt32()));
    }

    [Fact]
    public async Task A_direct_upload_over_the_limit_is_sent_to_the_upload_url_instead()
    {
        var customer = await _app.CustomerAsync();
        var number = (await (await customer.Client.PostCaseAsync(new { subject = "s", description = "d", category = "general-question" })).JsonAsync()).GetProperty("number").GetString();
        var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[4 * 1024 * 1024 + 1]), "file", "big.bin" } };

        var response = await customer.Client.PostAsync($"/api/cases/{number}/attachments", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("upload URL", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
