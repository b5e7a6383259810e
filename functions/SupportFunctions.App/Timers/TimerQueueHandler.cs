using SupportFunctions.App.Queues;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Timers;

/// <summary>
/// Delivers timers: too early (a hop of a long wait) → sent again for the rest; token not current or timer not armed →
/// dropped; otherwise the kind's effect fires. A malformed message throws, so it ends up parked as poison.
/// </summary>
public sealed class TimerQueueHandler(IEnumerable<ITimerEffect> effects, CaseRepository cases, TimerScheduler scheduler, TimeProvider time, ILogger<TimerQueueHandler> logger) : IQueueHandler
{
    /// <summary>Queue delays are whole seconds; a message up to this early waits in the handler rather than going round again.</summary>
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, ITimerEffect> _effects = effects.ToDictionary(e => e.Kind, StringComparer.Ordinal);

    public string Queue => StorageLayout.TimersQueue;

    public bool PolledWithoutBackoff => true;

    public async Task HandleAsync(InboundQueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var timer = TimerScheduler.Parse(message.Text);

        if (!_effects.TryGetValue(timer.Kind, out var effect))
        {
            throw new InvalidOperationException($"No effect is registered for timer kind '{timer.Kind}'.");
        }

        var current = await cases.GetTimerAsync(timer.Subject, timer.Kind, cancellationToken);
        if (current is null || current.Token != timer.Token || current.State != TimerState.Armed)
        {
            Logs.TimerDropped(logger, timer.Kind, timer.Subject, current is null ? "no such timer" : current.Token != timer.Token ? "superseded" : $"already {current.State}");
            return;
        }

        var early = timer.DueAt - time.GetUtcNow();
        if (early > Tolerance)
        {
            await scheduler.SendAsync(timer, cancellationToken);
            return;
        }

        if (early > TimeSpan.Zero)
        {
            await Task.Delay(early, time, cancellationToken);
        }

        Logs.TimerFired(logger, timer.Kind, timer.Subject, timer.DueAt);
        await effect.FireAsync(timer, cancellationToken);
    }
}
