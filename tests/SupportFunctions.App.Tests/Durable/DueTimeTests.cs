using SupportFunctions.App.Durable;

namespace SupportFunctions.App.Tests.Durable;

public sealed class DueTimeTests
{
    [Fact]
    public async Task A_wait_a_fraction_of_a_millisecond_short_of_due_ends_only_once_the_instant_has_come()
    {
        // The real clock and the runtime's timers: a wait of less than a millisecond must not round to no wait at all.
        var time = TimeProvider.System;
        var early = new List<string>();
        for (var i = 1; i <= 40; i++)
        {
            var due = time.GetUtcNow() + TimeSpan.FromTicks(i * 250); // 0.025 ms … 1 ms ahead
            await DueTime.WaitUntilAsync(time, due, CancellationToken.None);
            var now = time.GetUtcNow();
            if (now < due)
            {
                early.Add($"{(due - now).TotalMilliseconds:F4} ms early with {i * 0.025:F3} ms to wait");
            }
        }

        Assert.Empty(early);
    }

    [Fact]
    public async Task A_wait_on_a_clock_that_stands_short_of_due_does_not_end()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-12-07T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var due = time.GetUtcNow() + TimeSpan.FromTicks(4_000); // 0.4 ms

        var waiting = DueTime.WaitUntilAsync(time, due, CancellationToken.None);
        time.Advance(TimeSpan.FromTicks(3_999));
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(time.GetUtcNow() >= due);
    }
}
