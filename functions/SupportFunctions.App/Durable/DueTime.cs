namespace SupportFunctions.App.Durable;

/// <summary>
/// Durable timers on the Azure Storage provider can fire up to about a second early (queue visibility is whole
/// seconds; −934 ms was seen here). An effect that must not happen before its instant waits out the rest first, to
/// the tick: the runtime's timers count whole milliseconds (a 0.4 ms wait is no wait at all), so the clock is read
/// again after every wait and the rest, rounded up to a whole millisecond, waited out until the instant has come.
/// </summary>
public static class DueTime
{
    public static async Task WaitUntilAsync(TimeProvider time, DateTimeOffset due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        for (var early = due - time.GetUtcNow(); early > TimeSpan.Zero; early = due - time.GetUtcNow())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(early.TotalMilliseconds)), time, cancellationToken);
        }
    }
}
