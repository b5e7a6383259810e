using System.Net;
using System.Net.Http.Json;
using SupportFunctions.App.Tests.Infrastructure;

namespace SupportFunctions.App.Tests.Cases;

public sealed class CaseIntakeApiTests : IAsyncLifetime
{
    private SupportApp _app = null!;
    private Customer _customer = null!;

    public async Task InitializeAsync()
    {
        _app = await SupportApp.StartAsync("everbridge");
        _customer = await _app.CustomerAsync();
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task Malformed_json_is_400_problem_details_and_nothing_is_written()
    {
        var before = await _app.SnapshotAsync();
        var response = await _customer.Client.PostRawAsync("{\"subject\": \"x\", ");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("not valid JSON", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await _app.SnapshotAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var response = await _customer.Client.PostAsync("/api/cases", new StringContent("subject=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_category_is_422_naming_the_field_and_the_choices()
    {
        var before = await _app.SnapshotAsync();
        var response = await _customer.Client.PostCaseAsync(new { subject = "s", description = "d", category = "free-pizza" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var message = (await response.JsonAsync()).ErrorsFor("category").Single();
        Assert.Contains("\"free-pizza\" no es una categoría", message, StringComparison.Ordinal);
        Assert.Contains("data-refresh", message, StringComparison.Ordinal);
        Assert.Equal(before, await _app.SnapshotAsync());
    }

    [Fact]
    public async Task A_description_over_the_size_limit_is_422_and_nothing_is_written()
    {
        var before = await _app.SnapshotAsync();
        var response = await _customer.Client.PostCaseAsync(new { subject = "s", description = new string('x', 32_001), category = "general-question" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("como máximo 32000", (await response.JsonAsync()).ErrorsFor("description").Single(), StringComparison.Ordinal);
        Assert.Equal(before, await _app.SnapshotAsync());
    }

    [Fact]
    public async Task An_invalid_cc_email_is_422_naming_it_and_nothing_is_written()
    {
        var before = await _app.SnapshotAsync();
        var response = await _customer.Client.PostCaseAsync(new { subject = "s", description = "d", category = "general-question", cc = new[] { "ok@acme.example", "ops at acme" } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(["\"ops at acme\" no es una dirección de correo válida"], (await response.JsonAsync()).ErrorsFor("cc"));
        Assert.Equal(before, await _app.SnapshotAsync());
    }

    [Fact]
    public async Task Every_broken_rule_including_wrong_types_comes_back_in_one_answer()
    {
        var response = await _customer.Client.PostRawAsync("""{"subject": 5, "description": "", "category": "sms-delivery", "severity": "high", "occurredAt": "yesterday", "cc": [1], "colour": "red", "fields": {"recipientPhone": "555-0123"}}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var fields = (await response.JsonAsync()).ErrorFields().ToHashSet();
        Assert.Superset(new HashSet<string> { "subject", "description", "severity", "occurredAt", "cc", "colour", "fields.recipientPhone" }, fields);
    }

    [Fact]
    public async Task The_same_idempotency_key_and_body_return_the_same_case_and_another_body_is_409_with_nothing_written()
    {
        var body = new { subject = "Contacts upload fails", description = "Row 12 rejected", category = "general-question" };
        var first = await _customer.Client.PostCaseAsync(body, idempotencyKey: "order-7781");
        await SupportApp.Expect(first, HttpStatusCode.Created);
        var number = (await first.JsonAsync()).GetProperty("number").GetString();
        await _app.NotificationsSettledAsync(number!);
        var afterFirst = await _app.SnapshotAsync();

        var again = await _customer.Client.PostCaseAsync(body, idempotencyKey: "order-7781");
        await SupportApp.Expect(again, HttpStatusCode.OK);
        Assert.Equal(number, (await again.JsonAsync()).GetProperty("number").GetString());

        var different = await _customer.Client.PostCaseAsync(body with { subject = "Something else" }, idempotencyKey: "order-7781");
        Assert.Equal(HttpStatusCode.Conflict, different.StatusCode);
        Assert.Contains(number!, (await different.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(afterFirst, await _app.SnapshotAsync());
    }

    [Fact]
    public async Task Concurrent_retries_with_one_idempotency_key_create_one_case()
    {
        var body = new { subject = "Retry storm", description = "Same request", category = "general-question" };
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _customer.Client.PostCaseAsync(body, idempotencyKey: "storm-1")));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        var numbers = await Task.WhenAll(responses.Select(async r => (await r.JsonAsync()).GetProperty("number").GetString()));
        Assert.Single(numbers.Distinct());
        Assert.Single(await (await _customer.Client.GetAsync("/api/cases?view=mine")).JsonAsync() is var page ? page.GetProperty("items").EnumerateArray() : default);
    }

    [Fact]
    public async Task Two_hundred_parallel_creates_get_two_hundred_distinct_numbers()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => _customer.Client.PostCaseAsync(new { subject = $"Parallel {i}", description = "d", category = "general-question" })));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = await Task.WhenAll(responses.Select(async r => (await r.JsonAsync()).GetProperty("number").GetString()!));
        Assert.Equal(200, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.Matches("^CS-[0-9]{6}$", n));
    }

    [Fact]
    public async Task Staff_read_any_case_and_customers_of_other_accounts_get_404()
    {
        var number = (await (await _customer.Client.PostCaseAsync(new { subject = "Mine", description = "d", category = "general-question" })).JsonAsync()).GetProperty("number").GetString();
        var stranger = await _app.CustomerAsync();
        var agentResponse = await _app.Admin.PostAsJsonAsync("/api/admin/agents", new { name = "Sam Agent", email = "sam@vendor.example", teams = new[] { "support" } });
        await SupportApp.Expect(agentResponse, HttpStatusCode.Created);
        var agent = _app.Client(await _app.IssueKeyAsync("agent", (await agentResponse.JsonAsync()).GetProperty("id").GetString()!));

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/api/cases/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/api/cases/{number}/events")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync("/api/cases/CS-999999")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync($"/api/cases/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _customer.Client.GetAsync($"/api/cases/{number!.ToLowerInvariant()}")).StatusCode);
    }

    [Fact]
    public async Task An_agent_is_moved_to_another_team_and_an_unknown_team_is_refused()
    {
        var created = await _app.Admin.PostAsJsonAsync("/api/admin/agents", new { id = "agent-lee", name = "Lee", email = "lee@vendor.example", teams = new[] { "support" } });
        await SupportApp.Expect(created, HttpStatusCode.Created);

        var moved = await _app.Admin.PatchAsync("/api/admin/agents/agent-lee", new StringContent("{\"teams\":[\"support-leads\"]}", System.Text.Encoding.UTF8, "application/merge-patch+json"));
        await SupportApp.Expect(moved, HttpStatusCode.OK);
        Assert.Equal(["support-leads"], (await (await _app.Admin.GetAsync("/api/admin/agents/agent-lee")).JsonAsync()).GetProperty("teams").EnumerateArray().Select(t => t.GetString()));

        var unknown = await _app.Admin.PatchAsync("/api/admin/agents/agent-lee", new StringContent("{\"teams\":[\"pirates\"]}", System.Text.Encoding.UTF8, "application/merge-patch+json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("\"pirates\" is not a team", (await unknown.JsonAsync()).ErrorsFor("teams").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_wrong_revoked_and_out_of_scope_keys_are_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Anonymous.GetAsync("/api/cases?view=mine")).StatusCode);
        var wrong = _app.Client("sfk_0123456789abcdef_not-the-right-secret-at-all");
        var response = await wrong.GetAsync("/api/cases?view=mine");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await _customer.Client.GetAsync($"/api/admin/accounts/{_customer.AccountId}")).StatusCode);

        var keyId = _customer.Key.Split('_')[1];
        await SupportApp.Expect(await _app.Admin.DeleteAsync($"/api/admin/keys/{keyId}"), HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _customer.Client.GetAsync("/api/cases?view=mine")).StatusCode);
    }

    [Fact]
    public async Task A_contact_with_an_email_already_in_use_is_422_and_the_first_keeps_it()
    {
        var response = await _app.Admin.PostAsJsonAsync($"/api/admin/accounts/{_customer.AccountId}/contacts", new { name = "Copy", email = _customer.Email.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("already belongs to another contact", (await response.JsonAsync()).ErrorsFor("email").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accounts_and_contacts_are_updated_with_merge_patch_and_etags()
    {
        var account = await _app.Admin.GetAsync($"/api/admin/accounts/{_customer.AccountId}");
        var etag = account.Headers.ETag!.ToString();

        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/api/admin/accounts/{_customer.AccountId}") { Content = new StringContent("{\"contractStatus\":\"expired\",\"timeZone\":\"Europe/Berlin\"}", System.Text.Encoding.UTF8, "application/merge-patch+json") };
        patch.Headers.TryAddWithoutValidation("If-Match", etag);
        var updated = await _app.Admin.SendAsync(patch);
        await SupportApp.Expect(updated, HttpStatusCode.OK);
        var body = await updated.JsonAsync();
        Assert.Equal("expired", body.GetProperty("contractStatus").GetString());
        Assert.Equal("Europe/Berlin", body.GetProperty("timeZone").GetString());
        Assert.StartsWith("Acme", body.GetProperty("name").GetString(), StringComparison.Ordinal);

        var stale = new HttpRequestMessage(HttpMethod.Patch, $"/api/admin/accounts/{_customer.AccountId}") { Content = new StringContent("{\"name\":\"Stale\"}", System.Text.Encoding.UTF8, "application/merge-patch+json") };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await _app.Admin.SendAsync(stale)).StatusCode);

        var badZone = new HttpRequestMessage(HttpMethod.Patch, $"/api/admin/accounts/{_customer.AccountId}/contacts/{_customer.ContactId}") { Content = new StringContent("{\"timeZone\":\"Mars/Olympus\",\"phone\":\"555\"}", System.Text.Encoding.UTF8, "application/merge-patch+json") };
        var invalid = await _app.Admin.SendAsync(badZone);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Equal(["phone", "timeZone"], (await invalid.JsonAsync()).ErrorFields().Order());
    }
}
