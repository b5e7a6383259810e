using System.Collections.Concurrent;

namespace SupportFunctions.App.Queues;

/// <summary>
/// In-process wake-ups for the standalone poller: an idle queue is polled less and less often (as the Functions host
/// does), and a message this process sends for immediate handling wakes its queue's poller instead of waiting out the
/// backoff. Messages from elsewhere are still found, at most one maximum poll interval late.
/// </summary>
public sealed class QueueSignals
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _signals = new(StringComparer.Ordinal);

    /// <summary>A message is on <paramref name="queue"/> now.</summary>
    public void Sent(string queue)
    {
        var signal = For(queue);
        if (signal.CurrentCount > 0)
        {
            return;
        }

        try
        {
            signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another sender signalled in between: one wake-up is enough.
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/>; true when woken by a send.</summary>
    public Task<bool> WaitAsync(string queue, TimeSpan timeout, CancellationToken cancellationToken) => For(queue).WaitAsync(timeout, cancellationToken);

    private SemaphoreSlim For(string queue) => _signals.GetOrAdd(queue, _ => new SemaphoreSlim(0, 1));
}
