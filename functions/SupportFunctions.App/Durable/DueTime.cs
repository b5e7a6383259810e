namespace SupportFunctions.App.Durable;

/// <summary>
/// Durable timers on the Azure Storage provider can fire up to about a second early (queue visibility is whole
/// seconds; −934 ms was seen here). An effect that must not happen before its instant waits out the rest first.
/// </summary>
public static class DueTime
{
    public static async Task WaitUntilAsync(TimeProvider time, DateTimeOffset due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        var early = due - time.GetUtcNow();
        if (early > TimeSpan.Zero)
        {
            await Task.Delay(early, time, cancellationToken);
        }
    }
}
