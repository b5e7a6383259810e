using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Tests.Infrastructure;
using SupportFunctions.App.Timers;
using SupportFunctions.Storage.Blobs;
using SupportFunctions.Storage.Queues;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Tests.Timers;

public sealed class DurableTimerTests : IAsyncLifetime
{
    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    private SupportApp _app = null!;

    private RecordingTimerEffect Effect => (RecordingTimerEffect)_app.Services.GetServices<ITimerEffect>().Single(e => e.Kind == RecordingTimerEffect.TestKind);

    private TimerScheduler Scheduler => _app.Services.GetRequiredService<TimerScheduler>();

    private CaseRepository Cases => _app.Services.GetRequiredService<CaseRepository>();

    public async Task InitializeAsync() => _app = await SupportApp.StartAsync(TestPolicies.PureCloudInSeconds(), services: s => s.AddSingleton<ITimerEffect, RecordingTimerEffect>());

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    /// <summary>Messages waiting in all timer queues, visible or not.</summary>
    private async Task<int> QueuedAsync()
    {
        var layout = _app.Services.GetRequiredService<StorageLayout>();
        return await layout.Queue(StorageLayout.TimersQueue).GetApproximateCountAsync();
    }

    private async Task<TimerRecord> ArmAsync(string subject, TimeSpan delay)
    {
        var timer = await Scheduler.ScheduleAsync(subject, RecordingTimerEffect.TestKind, DateTimeOffset.UtcNow + delay, default);
        await Cases.SaveTimerAsync(subject, timer, default);
        return timer;
    }

    [Fact]
    public async Task A_timer_fires_once_after_its_delay_and_not_before()
    {
        var armedAt = DateTimeOffset.UtcNow;
        var timer = await ArmAsync("SUBJ-1", TimeSpan.FromSeconds(2));

        await Task.Delay(1000);
        Assert.Empty(Effect.Fired);
        var fired = await Eventually.WaitAsync(() => Task.FromResult(Effect.Fired.ToList()), f => f.Count > 0, TimeSpan.FromSeconds(15), "the timer to fire");
        await Task.Delay(1500);

        var (message, firedAt) = Assert.Single(Effect.Fired);
        Assert.Equal(timer.Token, message.Token);
        Assert.True(firedAt >= armedAt.AddSeconds(1.5), $"fired at {firedAt:O}, armed at {armedAt:O}");
        Assert.Equal(TimerState.Fired, (await Cases.GetTimerAsync("SUBJ-1", RecordingTimerEffect.TestKind, default))!.State);
        Assert.NotEmpty(fired);
    }

    [Fact]
    public async Task Rescheduling_is_writing_a_new_token_and_the_old_message_is_dropped()
    {
        await ArmAsync("SUBJ-2", TimeSpan.FromSeconds(1));
        var later = await ArmAsync("SUBJ-2", TimeSpan.FromSeconds(3));

        await Task.Delay(2500);
        Assert.Empty(Effect.Fired);
        await Eventually.WaitAsync(() => Task.FromResult(Effect.Fired.Count), c => c > 0, TimeSpan.FromSeconds(15), "the rescheduled timer");
        await Task.Delay(1000);
        Assert.Equal(later.Token, Assert.Single(Effect.Fired).Timer.Token);
    }

    [Fact]
    public async Task Cancelling_is_writing_a_token_no_message_carries()
    {
        await ArmAsync("SUBJ-3", TimeSpan.FromSeconds(1));
        await Cases.SaveTimerAsync("SUBJ-3", Scheduler.Cancel(RecordingTimerEffect.TestKind), default);

        await Task.Delay(3500);
        Assert.Empty(Effect.Fired);
        Assert.Equal(0, await QueuedAsync());
    }

    [Fact]
    public async Task A_duplicate_delivery_applies_once()
    {
        var timer = await ArmAsync("SUBJ-4", TimeSpan.FromSeconds(1));
        await Scheduler.SendAsync(new TimerMessage("SUBJ-4", timer.Kind, timer.Token, timer.DueAt), default);
        await Scheduler.SendAsync(new TimerMessage("SUBJ-4", timer.Kind, timer.Token, timer.DueAt), default);

        await Eventually.WaitAsync(() => Task.FromResult(Effect.Fired.Count), c => c > 0, TimeSpan.FromSeconds(15), "the timer");
        await Eventually.WaitAsync(QueuedAsync, c => c == 0, TimeSpan.FromSeconds(15), "the queue to drain");
        Assert.Single(Effect.Fired);
    }

    [Fact]
    public async Task A_wait_longer_than_the_queue_allows_hops_with_the_same_token()
    {
        // Due in 30 days: the message comes back at most 7 days later and is sent again; here we deliver it early by hand.
        var due = DateTimeOffset.UtcNow.AddDays(30);
        var timer = await Scheduler.ScheduleAsync("SUBJ-5", RecordingTimerEffect.TestKind, due, default);
        await Cases.SaveTimerAsync("SUBJ-5", timer, default);
        var handler = _app.Services.GetServices<SupportFunctions.App.Queues.IQueueHandler>().Single(h => h.Queue == StorageLayout.TimersQueue);

        await handler.HandleAsync(new SupportFunctions.App.Queues.InboundQueueMessage("m1", System.Text.Json.JsonSerializer.Serialize(new TimerMessage("SUBJ-5", timer.Kind, timer.Token, due), Web), 1), default);

        Assert.Empty(Effect.Fired);
        Assert.Equal(2, await QueuedAsync());
    }

    [Fact]
    public async Task The_reconciler_rearms_a_timer_whose_message_was_lost()
    {
        var subject = "SUBJ-6";
        var lost = new TimerRecord(RecordingTimerEffect.TestKind, Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow.AddSeconds(-5), TimerState.Armed);
        await Cases.SaveTimerAsync(subject, lost, default);

        var rearmed = await _app.Services.GetRequiredService<TimerReconciler>().ReconcileAsync(default);

        Assert.Equal(1, rearmed);
        await Eventually.WaitAsync(() => Task.FromResult(Effect.Fired.Count), c => c > 0, TimeSpan.FromSeconds(15), "the re-armed timer");
        Assert.Equal(lost.Token, Assert.Single(Effect.Fired).Timer.Token);
        Assert.Equal(0, await _app.Services.GetRequiredService<TimerReconciler>().ReconcileAsync(default));
    }

    [Fact]
    public async Task The_reconciler_waits_while_the_timers_queue_is_behind_and_rearms_once_it_caught_up()
    {
        // Under the Functions host mode nothing polls, so the queue holds exactly what the test puts there.
        await using var app = await SupportApp.StartAsync(TestPolicies.PureCloudInSeconds(), settings => settings["SupportFunctions:Hosting:Mode"] = "functions", services: s => s.AddSingleton<ITimerEffect, RecordingTimerEffect>());
        var reconciler = app.Services.GetRequiredService<TimerReconciler>();
        var queue = app.Services.GetRequiredService<StorageLayout>().Queue(StorageLayout.TimersQueue);
        var lost = new TimerRecord(RecordingTimerEffect.TestKind, Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow.AddSeconds(-5), TimerState.Armed);
        await app.Services.GetRequiredService<CaseRepository>().SaveTimerAsync("SUBJ-LOST", lost, default);
        string Waiting(TimeSpan dueIn) => System.Text.Json.JsonSerializer.Serialize(new TimerMessage("SUBJ-QUEUED", RecordingTimerEffect.TestKind, "other", DateTimeOffset.UtcNow + dueIn), Web);

        await queue.SendAsync(Waiting(TimeSpan.FromSeconds(-10)));
        Assert.Equal(0, await reconciler.ReconcileAsync(default));
        Assert.Equal(1, await queue.GetApproximateCountAsync());

        var behind = Assert.Single((await queue.ReceiveMessagesAsync(32)).Value);
        await queue.DeleteIfExistsAsync(behind.MessageId, behind.PopReceipt);
        await queue.SendAsync(Waiting(TimeSpan.Zero));
        Assert.Equal(1, await reconciler.ReconcileAsync(default));
        var queued = (await queue.ReceiveMessagesAsync(32)).Value.Select(m => TimerScheduler.Parse(m.Body.ToString())).ToList();
        Assert.Equal(["SUBJ-LOST", "SUBJ-QUEUED"], queued.Select(t => t.Subject).Order(StringComparer.Ordinal));
        Assert.Equal(lost.Token, queued.Single(t => t.Subject == "SUBJ-LOST").Token);
    }

    [Fact]
    public async Task A_message_that_fails_every_delivery_is_parked_as_poison_listed_and_replayable()
    {
        var queue = _app.Services.GetRequiredService<StorageLayout>().Queue(StorageLayout.TimersQueue);
        await queue.SendAsync("{ this is not a timer");

        var poisoned = await Eventually.WaitAsync(
            async () => (await (await _app.Admin.GetAsync("/api/admin/poison")).Content.ReadAsStringAsync()),
            body => body.Contains("this is not a timer", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30),
            "the message to be parked");
        Assert.Contains("\"queue\":\"timers\"", poisoned, StringComparison.Ordinal);
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
        var timer = await Scheduler.ScheduleAsync("SUBJ-7", RecordingTimerEffect.TestKind, DateTimeOffset.UtcNow, default);
        await Cases.SaveTimerAsync("SUBJ-7", timer, default);
        var text = System.Text.Json.JsonSerializer.Serialize(new TimerMessage("SUBJ-7", timer.Kind, timer.Token, timer.DueAt), Web);
        // The documented queue-trigger payload (Data keyed by the binding name, Metadata as the host writes it).
        var invocation = $$$"""
        {"Data":{"message":{{{System.Text.Json.JsonSerializer.Serialize(text)}}}},
         "Metadata":{"DequeueCount":1,"ExpirationTime":"2026-11-29T17:58:31+00:00","Id":"800ae4b3-bdd2-4c08-badd-f08e5a34b865",
                     "InsertionTime":"2026-11-22T17:58:31+00:00","NextVisibleTime":"2026-11-22T18:08:32+00:00","PopReceipt":"AgAAAAMAAAAAAAAAAgtnj8x+1QE=",
                     "sys":{"MethodName":"TimersQueue","UtcNow":"2026-11-22T17:58:32.2205399Z","RandGuid":"24ad4c06-24ad-4e5b-8294-3da9714877e9"}
         }
        }
        """;

        var response = await _app.Anonymous.PostAsync("/TimersQueue", new StringContent(invocation, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(System.Text.Json.JsonValueKind.Object, answer.GetProperty("outputs").ValueKind);
        Assert.Contains("Handled message 800ae4b3", answer.GetProperty("logs")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(timer.Token, Assert.Single(Effect.Fired).Timer.Token);
    }

    [Fact]
    public async Task Under_the_functions_host_a_failing_message_is_retried_then_parked_on_its_last_delivery()
    {
        var invocation = (int count) => new StringContent($$$"""{"Data":{"message":"not a timer"},"Metadata":{"DequeueCount":{{{count}}},"Id":"poison-1"}}""", System.Text.Encoding.UTF8, "application/json");

        var retried = await _app.Anonymous.PostAsync("/TimersQueue", invocation(1));
        Assert.Equal(HttpStatusCode.InternalServerError, retried.StatusCode);

        var parked = await _app.Anonymous.PostAsync("/TimersQueue", invocation(2));
        Assert.Equal(HttpStatusCode.OK, parked.StatusCode);
        Assert.Contains("timers-poison-1", await (await _app.Admin.GetAsync("/api/admin/poison")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Anonymous.PostAsync("/NoSuchFunction", invocation(1))).StatusCode);
    }

    [Fact]
    public async Task Under_the_functions_host_the_reconcile_timer_trigger_rearms_lost_timers()
    {
        await Cases.SaveTimerAsync("SUBJ-8", new TimerRecord(RecordingTimerEffect.TestKind, Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow.AddSeconds(-5), TimerState.Armed), default);
        var response = await _app.Anonymous.PostAsync("/ReconcileTimers", new StringContent("""{"Data":{"timer":{"Schedule":{"AdjustForDST":true},"IsPastDue":false}},"Metadata":{}}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("timers: 1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
