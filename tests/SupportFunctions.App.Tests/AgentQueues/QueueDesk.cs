using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SupportFunctions.App.Tests.Cases;
using SupportFunctions.App.Tests.Infrastructure;

namespace SupportFunctions.App.Tests.AgentQueues;

/// <summary>
/// A desk for queue and report tests: PureCloud with every target on the always-open calendar (first response 10 min
/// at severity 1, 1 h at 2, 2 h at 3, 9 h at 4; restoration 72 h at 1 and 2), the app's clock a fake one the test moves,
/// a customer (who may open severity 1 on the web here), an agent of the support team and a lead.
/// </summary>
public sealed class QueueDesk : IAsyncDisposable
{
    private QueueDesk(SupportApp app, FakeTimeProvider clock, Customer customer, HttpClient agent, string agentId, string agentKey, HttpClient lead)
    {
        AgentKey = agentKey;
        App = app;
        Clock = clock;
        Customer = customer;
        Agent = agent;
        AgentId = agentId;
        Lead = lead;
    }

    public SupportApp App { get; }

    public FakeTimeProvider Clock { get; }

    public Customer Customer { get; }

    public HttpClient Agent { get; }

    public string AgentId { get; }

    public string AgentKey { get; }

    public HttpClient Lead { get; }

    /// <remarks><paramref name="forBrowser"/>: on Kestrel and the real clock (a browser counts down against it).</remarks>
    public static async Task<QueueDesk> StartAsync(DateTimeOffset? start = null, bool forBrowser = false)
    {
        var policy = TestPolicies.Write("purecloud", document =>
        {
            foreach (var target in document["sla"]!["targets"]!.AsArray())
            {
                target!["calendar"] = "always";
                target.AsObject().Remove("restorationCalendar");
            }

            // Severity 1 is phoned in under PureCloud; here the web opens it too, so one customer can open every severity.
            foreach (var severity in document["severities"]!.AsArray())
            {
                severity!.AsObject().Remove("channels");
                severity.AsObject().Remove("otherChannels");
            }
        });
        var clock = new FakeTimeProvider(start ?? DateTimeOffset.UtcNow);
        var app = await SupportApp.StartAsync(policy, services: forBrowser ? null : s => s.AddSingleton<TimeProvider>(clock), onKestrel: forBrowser);
        var customer = await app.CustomerAsync(designated: true);
        var (agent, agentId, agentKey) = await AgentAsync(app, "Sam", "technical-support");
        var (lead, _, _) = await AgentAsync(app, "Lee", "support-escalations");
        return new QueueDesk(app, clock, customer, agent, agentId, agentKey, lead);
    }

    private static async Task<(HttpClient Client, string Id, string Key)> AgentAsync(SupportApp app, string name, string team)
    {
        var created = await app.Admin.PostAsJsonAsync("/api/admin/agents", new { name, email = $"{name.ToLowerInvariant()}@vendor.example", teams = new[] { team } });
        await SupportApp.Expect(created, HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("id").GetString()!;
        var key = await app.IssueKeyAsync("agent", id);
        return (app.Client(key), id, key);
    }

    public async Task<string> OpenAsync(int severity, string subject = "Calls drop")
    {
        var response = await Customer.Client.PostCaseAsync(new { subject, description = "Calls drop after a minute", category = "technical-problem", severity, fields = new { businessImpact = "Some" } });
        await SupportApp.Expect(response, HttpStatusCode.Created);
        return (await response.JsonAsync()).GetProperty("number").GetString()!;
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        await SupportApp.Expect(response, HttpStatusCode.OK);
        return await response.JsonAsync();
    }

    public async Task<List<string>> NumbersAsync(string query, HttpClient? client = null) =>
        (await GetJsonAsync(client ?? Agent, "/api/queue" + query)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()!).ToList();

    public async Task ActAsync(string number, string action, object body, HttpClient? client = null) =>
        await SupportApp.Expect(await (client ?? Agent).PostAsJsonAsync($"/api/cases/{number}/{action}", body), HttpStatusCode.OK);

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
