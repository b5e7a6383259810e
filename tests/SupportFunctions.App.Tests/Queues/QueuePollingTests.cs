using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Queues;
using SupportFunctions.App.Tests.Cases;
using SupportFunctions.App.Tests.Infrastructure;
using SupportFunctions.Standalone.Queues;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Tests.Queues;

public sealed class QueuePollingTests
{
    private static readonly TimeSpan Half = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan Two = TimeSpan.FromSeconds(2);

    [Fact]
    public void An_idle_queue_waits_twice_as_long_after_each_empty_poll_up_to_the_maximum()
    {
        var backoff = new PollBackoff(Half, Two);
        var waits = new List<TimeSpan> { Half };
        for (var i = 0; i < 4; i++)
        {
            waits.Add(backoff.Next(waits[^1], reset: false));
        }

        Assert.Equal([500, 1000, 2000, 2000, 2000], waits.Select(w => w.TotalMilliseconds));
    }

    [Fact]
    public void A_wake_up_or_a_message_brings_the_wait_back_to_the_minimum()
    {
        Assert.Equal(Half, new PollBackoff(Half, Two).Next(Two, reset: true));
    }

    [Fact]
    public async Task A_send_wakes_a_waiting_poller_and_several_sends_wake_it_once()
    {
        var signals = new QueueSignals();
        Assert.False(await signals.WaitAsync("inbound", TimeSpan.FromMilliseconds(20), CancellationToken.None));

        var waiting = signals.WaitAsync("inbound", TimeSpan.FromMinutes(5), CancellationToken.None);
        signals.Sent("other");
        Assert.False(waiting.IsCompleted);
        signals.Sent("inbound");
        Assert.True(await waiting.WaitAsync(TimeSpan.FromSeconds(10)));

        signals.Sent("inbound");
        signals.Sent("inbound");
        Assert.True(await signals.WaitAsync("inbound", TimeSpan.FromMilliseconds(20), CancellationToken.None));
        Assert.False(await signals.WaitAsync("inbound", TimeSpan.FromMilliseconds(20), CancellationToken.None));
    }

    [Fact]
    public async Task A_message_the_app_sends_is_handled_while_its_queue_poller_waits_a_minute()
    {
        await using var app = await SupportApp.StartAsync("everbridge", settings =>
        {
            settings["SupportFunctions:Queues:PollIntervalMilliseconds"] = "60000";
            settings["SupportFunctions:Queues:MaxPollIntervalMilliseconds"] = "60000";
        });
        await Task.Delay(TimeSpan.FromSeconds(2)); // every poller has found its queue empty and now waits a minute

        var started = await app.Admin.PostAsync(new Uri("/api/admin/purges", UriKind.Relative), null);
        await SupportApp.Expect(started, HttpStatusCode.Accepted);
        var runId = (await started.JsonAsync()).GetProperty("id").GetString();

        var run = await Eventually.WaitAsync(
            async () => await (await app.Admin.GetAsync(new Uri($"/api/admin/purges/{runId}", UriKind.Relative))).JsonAsync(),
            r => r.GetProperty("state").GetString() == "completed",
            TimeSpan.FromSeconds(30),
            $"purge run {runId} to be handled before the poller's minute is up");
        Assert.Equal("completed", run.GetProperty("state").GetString());
    }
}
