using System.Diagnostics;

namespace SupportFunctions.Benchmarks;

/// <summary>
/// Two ways of doing one operation measured in the same instants: each of N concurrent loops calls one way then the
/// other, swapping the order every iteration, so Azurite's drift (its store grows, the machine's other work comes and
/// goes) and its pauses fall on both sides alike instead of on whichever side ran in that second. Each side's figure is
/// what N loops doing only that way would reach, N ÷ its mean latency.
/// </summary>
public static class PairedThroughput
{
    public static async Task<(Measurement First, Measurement Second)> MeasureAsync(int concurrency, TimeSpan duration, Func<long, Task> first, Func<long, Task> second)
    {
        long sequence = 0;
        using (var warmup = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
        {
            await RunAsync(concurrency, first, second, () => Interlocked.Increment(ref sequence), null, warmup.Token);
        }

        var latencies = new (List<double> First, List<double> Second)[concurrency];
        using var stop = new CancellationTokenSource(duration);
        await RunAsync(concurrency, first, second, () => Interlocked.Increment(ref sequence), latencies, stop.Token);
        return (Summarize(concurrency, latencies.SelectMany(l => l.First)), Summarize(concurrency, latencies.SelectMany(l => l.Second)));
    }

    private static async Task RunAsync(int concurrency, Func<long, Task> first, Func<long, Task> second, Func<long> next, (List<double>, List<double>)[]? latencies, CancellationToken stop)
    {
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            List<double>? firsts = null, seconds = null;
            if (latencies is not null)
            {
                latencies[worker] = (firsts = [], seconds = []);
            }

            for (var iteration = 0; !stop.IsCancellationRequested; iteration++)
            {
                var firstGoesFirst = (iteration + worker) % 2 == 0;
                await TimedAsync(firstGoesFirst ? first : second, next(), firstGoesFirst ? firsts : seconds);
                await TimedAsync(firstGoesFirst ? second : first, next(), firstGoesFirst ? seconds : firsts);
            }
        });
        await Task.WhenAll(workers);
    }

    private static async Task TimedAsync(Func<long, Task> operation, long n, List<double>? into)
    {
        var started = Stopwatch.GetTimestamp();
        await operation(n);
        into?.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static Measurement Summarize(int concurrency, IEnumerable<double> latencies)
    {
        var sorted = latencies.Order().ToArray();
        return new Measurement(sorted.Length == 0 ? 0 : concurrency * 1000 / sorted.Average(), Throughput.Percentile(sorted, 0.5), Throughput.Percentile(sorted, 0.99));
    }
}
