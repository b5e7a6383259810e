using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SupportFunctions.App.Tests.Cases;
using SupportFunctions.App.Tests.Infrastructure;

namespace SupportFunctions.App.Tests.Admin;

/// <summary>The lists an administrator expects: accounts by name prefix and page, agents, keys without their secret.</summary>
public sealed class AdminListTests : IAsyncLifetime
{
    private SupportApp _app = null!;

    public async Task InitializeAsync() => _app = await SupportApp.StartAsync("everbridge");

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task Accounts_are_paged_and_filtered_by_name_prefix()
    {
        foreach (var name in new[] { "Acme North", "Acme South", "Acme West", "Globex" })
        {
            await _app.CreateAccountAsync(new { name, timeZone = "America/New_York" });
        }

        var names = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await _app.Admin.GetFromJsonAsync<JsonElement>($"/api/admin/accounts?namePrefix=Acme&pageSize=2{(token is null ? string.Empty : "&continuationToken=" + Uri.EscapeDataString(token))}");
            names.AddRange(page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("name").GetString()!));
            token = page.GetProperty("continuationToken").GetString();
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(["Acme North", "Acme South", "Acme West"], names.Order(StringComparer.Ordinal));
        var all = await _app.Admin.GetFromJsonAsync<JsonElement>("/api/admin/accounts?pageSize=100");
        Assert.Equal(4, all.GetProperty("items").GetArrayLength());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _app.Admin.GetAsync("/api/admin/accounts?pageSize=0")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _app.Admin.GetAsync("/api/admin/accounts?name=Acme")).StatusCode);
    }

    [Fact]
    public async Task Agents_and_keys_are_listed_and_no_key_shows_its_secret()
    {
        var customer = await _app.CustomerAsync();
        var agent = await _app.Admin.PostAsJsonAsync("/api/admin/agents", new { id = "agent-lee", name = "Lee", email = "lee@vendor.example", teams = new[] { "support" } });
        await SupportApp.Expect(agent, HttpStatusCode.Created);
        var agentKey = await _app.IssueKeyAsync("agent", "agent-lee");

        var agents = await _app.Admin.GetFromJsonAsync<JsonElement>("/api/admin/agents");
        Assert.Contains(agents.EnumerateArray(), a => a.GetProperty("id").GetString() == "agent-lee" && a.GetProperty("teams")[0].GetString() == "support");

        var response = await _app.Admin.GetAsync("/api/admin/keys");
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(customer.Key, text, StringComparison.Ordinal);
        Assert.DoesNotContain(agentKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", text, StringComparison.OrdinalIgnoreCase);
        var keys = JsonDocument.Parse(text).RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(keys, k => k.GetProperty("principalKind").GetString() == "agent" && k.GetProperty("principalId").GetString() == "agent-lee" && k.GetProperty("active").GetBoolean());

        var contacts = await _app.Admin.GetFromJsonAsync<JsonElement>($"/api/admin/keys?principalKind=contact&principalId={customer.ContactId}");
        var only = Assert.Single(contacts.GetProperty("items").EnumerateArray());
        await SupportApp.Expect(await _app.Admin.DeleteAsync($"/api/admin/keys/{only.GetProperty("keyId").GetString()}"), HttpStatusCode.NoContent);
        var revoked = await _app.Admin.GetFromJsonAsync<JsonElement>($"/api/admin/keys?principalKind=contact&principalId={customer.ContactId}");
        Assert.False(revoked.GetProperty("items")[0].GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await _app.Admin.GetAsync("/api/admin/keys?principalKind=robot")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.Client(agentKey).GetAsync("/api/admin/keys")).StatusCode);
    }

    [Fact]
    public async Task A_key_shows_when_it_was_last_used_and_an_unused_one_shows_null()
    {
        await SupportApp.Expect(await _app.Admin.PostAsJsonAsync("/api/admin/agents", new { id = "agent-use", name = "Use", email = "use@vendor.example", teams = new[] { "support" } }), HttpStatusCode.Created);
        var used = await _app.IssueKeyAsync("agent", "agent-use");
        await _app.IssueKeyAsync("agent", "agent-use");
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        await SupportApp.Expect(await _app.Client(used).GetAsync("/api/me"), HttpStatusCode.OK);

        var keys = (await _app.Admin.GetFromJsonAsync<JsonElement>("/api/admin/keys?principalKind=agent&principalId=agent-use")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, keys.Count);
        var usedView = Assert.Single(keys, k => used.StartsWith("sfk_" + k.GetProperty("keyId").GetString() + "_", StringComparison.Ordinal));
        Assert.InRange(usedView.GetProperty("lastUsedAt").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(5));
        var unused = Assert.Single(keys, k => k.GetProperty("keyId").GetString() != usedView.GetProperty("keyId").GetString());
        Assert.Equal(JsonValueKind.Null, unused.GetProperty("lastUsedAt").ValueKind);
    }

    [Fact]
    public async Task An_agent_reads_its_own_profile_and_no_other()
    {
        foreach (var id in new[] { "agent-own", "agent-other" })
        {
            await SupportApp.Expect(await _app.Admin.PostAsJsonAsync("/api/admin/agents", new { id, name = id, email = $"{id}@vendor.example", teams = new[] { "support" } }), HttpStatusCode.Created);
        }

        var agent = _app.Client(await _app.IssueKeyAsync("agent", "agent-own"));
        var customer = await _app.CustomerAsync();

        var own = await agent.GetAsync("/api/admin/agents/agent-own");
        await SupportApp.Expect(own, HttpStatusCode.OK);
        Assert.Equal("agent-own@vendor.example", (await own.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("email").GetString());
        Assert.NotNull(own.Headers.ETag);
        var other = await agent.GetAsync("/api/admin/agents/agent-other");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("agent-own", (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.Client.GetAsync("/api/admin/agents/agent-own")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.PatchAsync("/api/admin/agents/agent-own", new StringContent("{\"name\":\"x\"}", System.Text.Encoding.UTF8, "application/merge-patch+json"))).StatusCode);
        await SupportApp.Expect(await _app.Admin.GetAsync("/api/admin/agents/agent-other"), HttpStatusCode.OK);
    }
}
