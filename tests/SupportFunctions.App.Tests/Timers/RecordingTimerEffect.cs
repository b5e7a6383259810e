using System.Collections.Concurrent;
using SupportFunctions.App.Timers;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Tests.Timers;

/// <summary>
/// A timer effect for tests with no case behind it: records each firing and marks its timer fired. Real effects are
/// guarded by the case's ETag (CaseChanges.FireAsync); this one re-checks the timer under a lock, which is enough in
/// one process.
/// </summary>
public sealed class RecordingTimerEffect(CaseRepository cases, TimeProvider time) : ITimerEffect, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public const string TestKind = "test";

    public ConcurrentQueue<(TimerMessage Timer, DateTimeOffset FiredAt)> Fired { get; } = new();

    public string Kind => TestKind;

    public async Task FireAsync(TimerMessage timer, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (await cases.GetTimerAsync(timer.Subject, timer.Kind, cancellationToken) is not { State: TimerState.Armed } current || current.Token != timer.Token)
            {
                return;
            }

            Fired.Enqueue((timer, time.GetUtcNow()));
            await cases.SaveTimerAsync(timer.Subject, new TimerRecord(timer.Kind, timer.Token, timer.DueAt, TimerState.Fired), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
