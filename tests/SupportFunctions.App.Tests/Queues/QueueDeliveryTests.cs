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
}
