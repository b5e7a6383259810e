using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Tests.Infrastructure;
using SupportFunctions.Storage.Queues;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Tests.Inbound;

public sealed class QueueIntakeTests : IAsyncLifetime
{
    private SupportApp _app = null!;

    public async Task InitializeAsync() => _app = await SupportApp.StartAsync("talkdesk");

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    private Task<Azure.Storage.Queues.Models.SendReceipt> SendAsync(object message) =>
        _app.Services.GetRequiredService<StorageLayout>().Queue(StorageLayout.CasesInboundQueue).SendAsync(JsonSerializer.Serialize(message), cancellationToken: TestTimeout.Token());

    [Fact]
    public async Task A_valid_message_delivered_twice_opens_one_case_for_the_named_contact()
    {
        var customer = await _app.CustomerAsync(roles: ["Administrator"], language: "es");
        var message = new
        {
            idempotencyKey = "crm-ticket-8812",
            requester = new { contactId = customer.ContactId, accountId = customer.AccountId },
            subject = "Llamadas entrantes caen",
            description = "Desde las 9:00 las llamadas entrantes se cortan a los 30 segundos.",
            category = "technical-support",
            productAreas = new[] { "Talkdesk Phone" },
            impact = "high",
            urgency = "high",
        };

        await SendAsync(message);
        await SendAsync(message);

        var queue = _app.Services.GetRequiredService<StorageLayout>().Queue(StorageLayout.CasesInboundQueue);
        await Eventually.WaitAsync(() => queue.GetApproximateCountAsync(TestTimeout.Token()), count => count == 0, TimeSpan.FromSeconds(20), "both messages handled");
        var items = await Eventually.WaitAsync(
            async () => (await customer.Client.GetFromJsonAsync<JsonElement>("/api/cases?view=mine")).GetProperty("items").EnumerateArray().ToArray(),
            i => i.Length > 0,
            TimeSpan.FromSeconds(20),
            "the queued case");
        var opened = Assert.Single(items);
        Assert.Equal("queue", opened.GetProperty("channel").GetString());
        Assert.Equal(customer.Email, opened.GetProperty("requester").GetProperty("email").GetString());
    }

    [Fact]
    public async Task The_projects_enqueue_script_puts_a_message_the_service_opens_a_case_from()
    {
        var customer = await _app.CustomerAsync(roles: ["Administrator"], language: "es");
        var message = JsonSerializer.Serialize(new
        {
            idempotencyKey = "script-1",
            requester = new { contactId = customer.ContactId, accountId = customer.AccountId },
            subject = "Llamadas salientes fallan",
            description = "Desde las 10:00 las llamadas salientes fallan al marcar.",
            category = "technical-support",
            productAreas = new[] { "Talkdesk Phone" },
            impact = "high",
            urgency = "high",
        });
        var queueEndpoint = Azurite.ConnectionString.Split(';').Single(p => p.StartsWith("QueueEndpoint=", StringComparison.Ordinal))["QueueEndpoint=".Length..];
        var start = new System.Diagnostics.ProcessStartInfo("node", [RepositoryPaths.Combine("scripts", "enqueue-case"), "-"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["SUPPORTFUNCTIONS_QUEUE_ENDPOINT"] = queueEndpoint, ["SUPPORTFUNCTIONS_STORAGE_PREFIX"] = _app.Prefix },
        };

        using (var script = System.Diagnostics.Process.Start(start)!)
        {
            await script.StandardInput.WriteAsync(message);
            script.StandardInput.Close();
            var output = await script.StandardOutput.ReadToEndAsync();
            var errors = await script.StandardError.ReadToEndAsync();
            await script.WaitForExitAsync(TestTimeout.Token());
            Assert.True(script.ExitCode == 0, errors);
            Assert.Contains("enqueued on " + _app.Prefix + "-cases-inbound", output, StringComparison.Ordinal);
        }

        var items = await Eventually.WaitAsync(
            async () => (await customer.Client.GetFromJsonAsync<JsonElement>("/api/cases?view=mine")).GetProperty("items").EnumerateArray().ToArray(),
            i => i.Length > 0,
            TimeSpan.FromSeconds(20),
            "the case the script's message opens");
        Assert.Equal(("Llamadas salientes fallan", "queue"), (Assert.Single(items).GetProperty("subject").GetString(), items[0].GetProperty("channel").GetString()));
    }

    [Fact]
    public async Task A_message_that_is_not_base64_is_parked_as_poison_with_its_raw_text_and_removed_from_the_queue()
    {
        var queue = _app.Services.GetRequiredService<StorageLayout>().Queue(StorageLayout.CasesInboundQueue);
        var plain = new Azure.Storage.Queues.QueueClient(Azurite.ConnectionString, queue.Name, new Azure.Storage.Queues.QueueClientOptions(SupportFunctions.Storage.StorageClientSettings.QueueVersion));
        await plain.SendMessageAsync("plain text from another tool {not base64}", TestTimeout.Token());

        var poisoned = await Eventually.WaitAsync(
            async () => await (await _app.Admin.GetAsync(new Uri("/api/admin/poison", UriKind.Relative), TestTimeout.Token())).Content.ReadAsStringAsync(),
            body => body.Contains("plain text from another tool", StringComparison.Ordinal),
            TimeSpan.FromSeconds(20),
            "the undecodable message to be parked");
        Assert.Contains("not base64", poisoned, StringComparison.Ordinal);
        // Parked under the queue's own name (not the prefixed physical one), so a replay goes back to the same queue.
        Assert.Contains("\"queue\":\"cases-inbound\"", poisoned, StringComparison.Ordinal);
        await Eventually.WaitAsync(() => queue.GetApproximateCountAsync(TestTimeout.Token()), count => count == 0, TimeSpan.FromSeconds(10), "the queue to be empty");
    }

    [Fact]
    public async Task An_invalid_message_goes_to_the_rejected_list_with_every_problem_and_is_not_retried()
    {
        var customer = await _app.CustomerAsync(roles: ["Administrator"], language: "es");
        await SendAsync(new { requester = new { email = customer.Email }, subject = "", category = "no-such-category" });

        var rejected = await Eventually.WaitAsync(
            async () => (await _app.Admin.GetFromJsonAsync<JsonElement>("/api/admin/rejected")).GetProperty("items").EnumerateArray().ToArray(),
            i => i.Length > 0,
            TimeSpan.FromSeconds(20),
            "the rejected message");
        var problem = Assert.Single(rejected).GetProperty("problem");
        Assert.Equal(422, problem.GetProperty("status").GetInt32());
        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToArray();
        Assert.Contains("idempotencyKey", fields);
        Assert.Contains("subject", fields);
        Assert.Contains("category", fields);
        Assert.Empty((await _app.Admin.GetFromJsonAsync<JsonElement>("/api/admin/poison")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_non_administrator_named_in_a_message_gets_what_the_web_gives_a_case_closed_as_not_entitled()
    {
        var agent = await _app.CustomerAsync(roles: ["Agent"], language: "es");
        await SendAsync(new { idempotencyKey = "k1", requester = new { email = agent.Email }, subject = "Factura", description = "Necesito una copia.", category = "billing" });

        var items = await Eventually.WaitAsync(
            async () => (await agent.Client.GetFromJsonAsync<JsonElement>("/api/cases?view=mine")).GetProperty("items").EnumerateArray().ToArray(),
            i => i.Length > 0,
            TimeSpan.FromSeconds(20),
            "the queued case");
        var closed = Assert.Single(items);
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal("not-entitled", closed.GetProperty("closure").GetProperty("reason").GetString());
    }
}
