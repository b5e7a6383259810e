using System.Diagnostics;

namespace SupportFunctions.Benchmarks;

/// <summary>Runs an operation from N concurrent loops for a fixed time after a warm-up and reports operations per second.</summary>
public static class Throughput
{
    public static async Task<Measurement> MeasureAsync(int concurrency, TimeSpan duration, Func<long, Task> operation)
    {
        long sequence = 0;
        using (var warmup = new CancellationTokenSource(TimeSpan.FromMilliseconds(500)))
        {
            await RunAsync(concurrency, operation, () => Interlocked.Increment(ref sequence), null, warmup.Token);
        }

        var latencies = new List<double>[concurrency];
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        var count = await RunAsync(concurrency, operation, () => Interlocked.Increment(ref sequence), latencies, stop.Token);
        clock.Stop();
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new Measurement(count / clock.Elapsed.TotalSeconds, Percentile(all, 0.5), Percentile(all, 0.99));
    }

    private static async Task<long> RunAsync(int concurrency, Func<long, Task> operation, Func<long> next, List<double>[]? latencies, CancellationToken stop)
    {
        long done = 0;
        var workers = Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies is null ? null : latencies[worker] = [];
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                await operation(next());
                mine?.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                Interlocked.Increment(ref done);
            }
        });
        await Task.WhenAll(workers);
        return done;
    }

    internal static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
