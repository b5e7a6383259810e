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
}
