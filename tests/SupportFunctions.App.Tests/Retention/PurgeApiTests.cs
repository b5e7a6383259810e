using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Durable;
using SupportFunctions.App.Retention;
using SupportFunctions.App.Tests.Cases;
using SupportFunctions.App.Tests.Infrastructure;
using SupportFunctions.Storage.Blobs;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Tests.Retention;

/// <summary>Purges through the admin API on Azurite, with the app's clock moved forward to make things expire.</summary>
public sealed class PurgeApiTests : IAsyncLifetime
{
    private readonly DateTimeOffset _start;

    /// <summary>The app's clock: now, until a test moves it on ("a month later"); each reading advances it 1 ms so events keep their order.</summary>
    private readonly FakeTimeProvider _clock;

    public PurgeApiTests()
    {
        _start = DateTimeOffset.UtcNow;
        _clock = new FakeTimeProvider(_start) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
    }
    private SupportApp _app = null!;
    private Customer _customer = null!;
    private HttpClient _agent = null!;

    public async Task InitializeAsync()
    {
        _app = await SupportApp.StartAsync("everbridge", s => s["SupportFunctions:Retention:Schedule"] = string.Empty, services => services.AddSingleton<TimeProvider>(_clock));
        _customer = await _app.CustomerAsync(email: $"ana.souza.{Guid.NewGuid():N}@acme.example");
        var agent = await _app.Admin.PostAsJsonAsync("/api/admin/agents", new { name = "Sam", email = "sam@vendor.example", teams = new[] { "support" } });
        _agent = _app.Client(await _app.IssueKeyAsync("agent", (await agent.JsonAsync()).GetProperty("id").GetString()!));
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    private async Task<string> OpenAsync(string subject = "SMS not delivered")
    {
        var response = await _customer.Client.PostCaseAsync(new { subject, description = "Messages fail since Monday", category = "general-question" });
        await SupportApp.Expect(response, HttpStatusCode.Created);
        return (await response.JsonAsync()).GetProperty("number").GetString()!;
    }

    private async Task UploadAsync(string number, string fileName, string? kind)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent("when,to,status\n"u8.ToArray()), "file", fileName);
        if (kind is not null)
        {
            form.Add(new StringContent(kind), "kind");
        }

        await SupportApp.Expect(await _customer.Client.PostAsync(new Uri($"/api/cases/{number}/attachments", UriKind.Relative), form), HttpStatusCode.Created);
    }

    private async Task<List<string>> FilesAsync() =>
        await _app.Services.GetRequiredService<StorageLayout>().Container(StorageLayout.FilesContainer).ListAsync().Select(b => b.Name).ToListAsync();

    private async Task<JsonElement> PurgeAsync(bool dryRun = false)
    {
        var started = await _app.Admin.PostAsJsonAsync("/api/admin/purges", new { dryRun });
        await SupportApp.Expect(started, HttpStatusCode.Accepted);
        var location = started.Headers.Location!.OriginalString;
        return await Eventually.WaitAsync(async () => await (await _app.Admin.GetAsync(new Uri(location, UriKind.Relative))).JsonAsync(), run => run.GetProperty("state").GetString() == "completed", TimeSpan.FromSeconds(30), "the purge run to complete");
    }

    private static long Count(JsonElement run, string counts, string dataClass) =>
        run.GetProperty(counts).TryGetProperty(dataClass, out var n) ? n.GetInt64() : 0;

    [Fact]
    public async Task Expired_files_go_per_their_class_while_unexpired_and_held_files_stay_until_the_hold_is_released()
    {
        var a = await OpenAsync();
        var b = await OpenAsync();
        await UploadAsync(a, "sms-delivery-ana-souza.csv", "sms");
        await UploadAsync(a, "notes.txt", null);
        await UploadAsync(b, "b.txt", null);
        await SupportApp.Expect(await _app.Admin.PutAsJsonAsync($"/api/admin/holds/cases/{b}", new { reason = "Matter 2026-114" }), HttpStatusCode.OK);

        _clock.SetUtcNow(_start + TimeSpan.FromDays(2));
        var first = await PurgeAsync();
        var files = await FilesAsync();
        Assert.DoesNotContain(files, f => f.Contains("sms-delivery", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith($"cases/{a}/", StringComparison.Ordinal) && f.EndsWith("notes.txt", StringComparison.Ordinal));
        Assert.Contains(files, f => f.StartsWith($"cases/{b}/", StringComparison.Ordinal));
        Assert.Equal(1, Count(first, "purged", "smsDeliveryLogs"));
        Assert.Equal(0, Count(first, "purged", "uploadedDataFiles"));

        _clock.SetUtcNow(_start + TimeSpan.FromDays(31));
        var second = await PurgeAsync();
        files = await FilesAsync();
        Assert.Equal([b], files.Select(f => f.Split('/')[1]).Distinct());
        Assert.Equal(1, Count(second, "purged", "uploadedDataFiles"));
        Assert.Equal(1, Count(second, "held", "uploadedDataFiles"));

        var proof = await _app.Admin.GetStringAsync(new Uri(second.GetProperty("proof").GetString()!, UriKind.Relative));
        Assert.Contains($"files/cases/{a}/", proof, StringComparison.Ordinal);
        Assert.DoesNotContain("notes.txt", proof, StringComparison.Ordinal);
        Assert.DoesNotContain("souza", proof, StringComparison.OrdinalIgnoreCase);

        await SupportApp.Expect(await _app.Admin.DeleteAsync(new Uri($"/api/admin/holds/cases/{b}", UriKind.Relative)), HttpStatusCode.NoContent);
        var third = await PurgeAsync();
        Assert.Empty(await FilesAsync());
        Assert.Equal(1, Count(third, "purged", "uploadedDataFiles"));
    }

    [Fact]
    public async Task A_dry_run_counts_and_lists_what_would_go_and_changes_nothing()
    {
        var a = await OpenAsync();
        await UploadAsync(a, "notes.txt", null);
        await UploadAsync(a, "sms.csv", "sms");
        // The acknowledgement is delivered in the background (it records its Message-ID): let it settle first, so the
        // snapshots compare only what the dry run could have written.
        await _app.NotificationsSettledAsync(a);
        _clock.SetUtcNow(_start + TimeSpan.FromDays(31));
        var before = await _app.SnapshotAsync();
        var filesBefore = await FilesAsync();

        var run = await PurgeAsync(dryRun: true);

        Assert.True(run.GetProperty("dryRun").GetBoolean());
        Assert.Equal(1, Count(run, "purged", "uploadedDataFiles"));
        Assert.Equal(1, Count(run, "purged", "smsDeliveryLogs"));
        Assert.Equal(filesBefore, await FilesAsync());
        var after = await _app.SnapshotAsync();
        Assert.Equal(before.Where(t => t.Key != StorageLayout.PurgesTable), after.Where(t => t.Key != StorageLayout.PurgesTable));
        Assert.Equal(2, (await _app.Admin.GetStringAsync(new Uri(run.GetProperty("proof").GetString()!, UriKind.Relative))).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task The_scheduled_start_purges_histories_of_orchestrations_ended_over_30_days_ago_and_keeps_the_run_reports()
    {
        var open = await OpenAsync();
        var old = (await PurgeAsync(dryRun: true)).GetProperty("id").GetString()!;
        var durable = _app.Services.GetRequiredService<DurableTaskClient>();
        Assert.NotNull(await durable.GetInstanceAsync(PurgeRuns.InstanceId(old)));

        // 29 days on, the ended run's history is young enough to stay.
        _clock.SetUtcNow(_start + TimeSpan.FromDays(29));
        var (young, _) = await _app.Services.GetRequiredService<PurgeRuns>().StartScheduledAsync(CancellationToken.None);
        await Eventually.WaitAsync(async () => (await _app.Services.GetRequiredService<PurgeRuns>().GetAsync(young.Id, CancellationToken.None))!.State, state => state == "completed", TimeSpan.FromSeconds(30), "the scheduled run to complete");
        Assert.NotNull(await durable.GetInstanceAsync(PurgeRuns.InstanceId(old)));

        _clock.SetUtcNow(_start + TimeSpan.FromDays(31));
        await _app.Services.GetRequiredService<PurgeRuns>().StartScheduledAsync(CancellationToken.None);

        Assert.Null(await durable.GetInstanceAsync(PurgeRuns.InstanceId(old)));
        // A case's SLA orchestration never ends while the case can be reopened: it stays, however old.
        Assert.NotNull(await durable.GetInstanceAsync(CaseOrchestrations.SlaInstanceId(open)));
        var report = await (await _app.Admin.GetAsync(new Uri($"/api/admin/purges/{old}", UriKind.Relative))).JsonAsync();
        Assert.Equal("completed", report.GetProperty("state").GetString());
        Assert.True(report.GetProperty("dryRun").GetBoolean());
    }

    [Fact]
    public async Task A_closed_case_loses_its_requesters_personal_data_after_365_days_unless_its_account_is_held()
    {
        var number = await OpenAsync("Ana Souza cannot send SMS");
        await _customer.Client.PostAsJsonAsync($"/api/cases/{number}/replies", new { body = $"Write to me at {_customer.Email} or +55 11 98765 4321" });
        await SupportApp.Expect(await _agent.PostAsJsonAsync($"/api/cases/{number}/close", new { reason = "resolved" }), HttpStatusCode.OK);
        _clock.SetUtcNow(_start + TimeSpan.FromDays(200));
        var early = await PurgeAsync();
        Assert.Equal(0, Count(early, "purged", "closedCasePersonalData"));

        await SupportApp.Expect(await _app.Admin.PutAsJsonAsync($"/api/admin/holds/accounts/{_customer.AccountId}", new { reason = "Audit" }), HttpStatusCode.OK);
        _clock.SetUtcNow(_start + TimeSpan.FromDays(366));
        var held = await PurgeAsync();
        Assert.Equal(1, Count(held, "held", "closedCasePersonalData"));
        Assert.Contains(_customer.Email, await (await _agent.GetAsync($"/api/cases/{number}")).Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        await _app.Admin.DeleteAsync(new Uri($"/api/admin/holds/accounts/{_customer.AccountId}", UriKind.Relative));
        var run = await PurgeAsync();
        Assert.Equal(1, Count(run, "purged", "closedCasePersonalData"));

        var view = await (await _agent.GetAsync($"/api/cases/{number}")).Content.ReadAsStringAsync();
        var events = await (await _agent.GetAsync($"/api/cases/{number}/events")).Content.ReadAsStringAsync();
        foreach (var personal in new[] { _customer.Email, "Souza", "98765" })
        {
            Assert.DoesNotContain(personal, view, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(personal, events, StringComparison.OrdinalIgnoreCase);
        }

        using var document = JsonDocument.Parse(view);
        Assert.Equal(number, document.RootElement.GetProperty("number").GetString());
        Assert.Equal("Closed", document.RootElement.GetProperty("status").GetString());
        Assert.Contains("closed", events, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_requests_get_problem_details_naming_the_field()
    {
        var notBool = await _app.Admin.PostAsync(new Uri("/api/admin/purges", UriKind.Relative), new StringContent("{\"dryRun\":\"yes\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notBool.StatusCode);
        Assert.NotEmpty((await notBool.JsonAsync()).ErrorsFor("dryRun"));

        var noReason = await _app.Admin.PutAsJsonAsync("/api/admin/holds/cases/SUP-000001", new { reason = "" });
        Assert.NotEmpty((await noReason.JsonAsync()).ErrorsFor("reason"));
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Admin.PutAsJsonAsync("/api/admin/holds/cases/SUP-999999", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Admin.PutAsJsonAsync("/api/admin/holds/planets/x", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _customer.Client.PostAsJsonAsync("/api/admin/purges", new { dryRun = true })).StatusCode);
    }
}
