using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Tests.Infrastructure;
using SupportFunctions.Storage.Queues;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Tests.Queues;

/// <summary>What every queue of ours does with a message it cannot handle, standalone and under the Functions host (shown on the notifications queue).</summary>
public sealed class QueueDeliveryTests : IAsyncLifetime
{
    private SupportApp _app = null!;

    public async Task InitializeAsync() => _app = await SupportApp.StartAsync(TestPolicies.PureCloudInSeconds());

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task A_message_that_fails_every_delivery_is_parked_as_poison_listed_and_replayable()
    {
        var queue = _app.Services.GetRequiredService<StorageLayout>().Queue(StorageLayout.NotificationsQueue);
        await queue.SendAsync("{ this is not a notification");

        var poisoned = await Eventually.WaitAsync(
            async () => (await (await _app.Admin.GetAsync("/api/admin/poison")).Content.ReadAsStringAsync()),
            body => body.Contains("this is not a notification", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30),
            "the message to be parked");
        Assert.Contains("\"queue\":\"notifications\"", poisoned, StringComparison.Ordinal);
        Assert.Contains("FormatException", poisoned, StringComparison.Ordinal);
        Assert.Equal(0, await queue.GetApproximateCountAsync());

        var id = System.Text.Json.JsonDocument.Parse(poisoned).RootElement.GetProperty("items")[0].GetProperty("id").GetString();
        var replay = await _app.Admin.PostAsync($"/api/admin/poison/{id}/replay", null);
        Assert.Equal(HttpStatusCode.Accepted, replay.StatusCode);
        Assert.DoesNotContain(id!, await (await _app.Admin.GetAsync("/api/admin/poison")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Admin.PostAsync($"/api/admin/poison/{id}/replay", null)).StatusCode);
    }

    [Fact]
    public async Task Under_the_functions_host_a_queue_trigger_invocation_runs_the_same_handler()
    {
        // An intent that does not exist: the handler reads the message, finds nothing to send, and completes.
        var text = """{"caseNumber":"CS-000404","intentId":"no-such-intent"}""";
        // The documented queue-trigger payload (Data keyed by the binding name, Metadata as the host writes it).
        var invocation = $$$"""
        {"Data":{"message":{{{System.Text.Json.JsonSerializer.Serialize(text)}}}},
         "Metadata":{"DequeueCount":1,"ExpirationTime":"2026-11-29T17:58:31+00:00","Id":"800ae4b3-bdd2-4c08-badd-f08e5a34b865",
                     "InsertionTime":"2026-11-22T17:58:31+00:00","NextVisibleTime":"2026-11-22T18:08:32+00:00","PopReceipt":"AgAAAAMAAAAAAAAAAgtnj8x+1QE=",
                     "sys":{"MethodName":"NotificationsQueue","UtcNow":"2026-11-22T17:58:32.2205399Z","RandGuid":"24ad4c06-24ad-4e5b-8294-3da9714877e9"}
         }
        }
        """;

        var response = await _app.Anonymous.PostAsync("/NotificationsQueue", new StringContent(invocation, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(System.Text.Json.JsonValueKind.Object, answer.GetProperty("outputs").ValueKind);
        Assert.Contains("Handled message 800ae4b3", answer.GetProperty("logs")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_the_functions_host_a_failing_message_is_retried_then_parked_on_its_last_delivery()
    {
        var invocation = (int count) => new StringContent($$$"""{"Data":{"message":"not a notification"},"Metadata":{"DequeueCount":{{{count}}},"Id":"poison-1"}}""", System.Text.Encoding.UTF8, "application/json");

        var retried = await _app.Anonymous.PostAsync("/NotificationsQueue", invocation(1));
        Assert.Equal(HttpStatusCode.InternalServerError, retried.StatusCode);

        var parked = await _app.Anonymous.PostAsync("/NotificationsQueue", invocation(2));
        Assert.Equal(HttpStatusCode.OK, parked.StatusCode);
        Assert.Contains("notifications-poison-1", await (await _app.Admin.GetAsync("/api/admin/poison")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Anonymous.PostAsync("/NoSuchFunction", invocation(1))).StatusCode);
    }
}
