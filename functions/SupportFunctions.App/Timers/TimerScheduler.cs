using Azure.Storage.Queues.Models;
using SupportFunctions.App.Queues;
using SupportFunctions.Storage.Queues;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Timers;

/// <summary>
/// Durable timers on the timers queue. Scheduling sends the message first and returns the record the caller commits
/// with its own change: a crash in between leaves a message whose token is not current (dropped on delivery), never
/// a current token without a message. Waits beyond the queue's 7-day visibility limit hop.
/// </summary>
public sealed class TimerScheduler(QueueSender queues, TimeProvider time)
{
    /// <summary>Longest single wait; longer waits are delivered early and sent again for the rest.</summary>
    public static readonly TimeSpan MaxHop = QueueOperations.MaxVisibilityDelay - TimeSpan.FromMinutes(1);

    public async Task<TimerRecord> ScheduleAsync(string subject, string kind, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid().ToString("N");
        await SendAsync(new TimerMessage(subject, kind, token, dueAt), cancellationToken);
        return new TimerRecord(kind, token, dueAt, TimerState.Armed);
    }

    /// <summary>Cancelling is writing a new token that no message carries.</summary>
    public TimerRecord Cancel(string kind) => new(kind, Guid.NewGuid().ToString("N"), time.GetUtcNow(), TimerState.Cancelled);

    /// <summary>(Re)sends a timer message with the delay left until it is due, capped at one hop.</summary>
    public async Task SendAsync(TimerMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var delay = message.DueAt - time.GetUtcNow();
        delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > MaxHop ? MaxHop : delay;
        // Queue delays are whole seconds: round down, and the handler waits out the sub-second rest, so a timer is
        // neither early nor a second late.
        await queues.SendAsync(StorageLayout.TimersQueue, QueueMessageJson.Write(message), TimeSpan.FromSeconds(Math.Floor(delay.TotalSeconds)), cancellationToken);
    }

    public static TimerMessage Parse(string text) =>
        QueueMessageJson.Read<TimerMessage>(text, m => m is { Subject: not null, Kind: not null, Token: not null }, "a timer");
}
