using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Storage;
using SupportFunctions.App.Timers;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.Benchmarks;

/// <summary>
/// Arms N timers due evenly over a window (standalone mode: the app's own poller), and reports lateness (fired − due),
/// timers that never fired (lost) and timers applied more than once (doubled). It waits for every timer however late
/// (up to <see cref="LostAfter"/> past the window), so a slow run shows as lateness, and lost means lost.
/// </summary>
public static class TimerBenchmark
{
    /// <summary>A timer not fired this long after the last one was due counts as lost (the reconciler re-arms after 2 minutes).</summary>
    private static readonly TimeSpan LostAfter = TimeSpan.FromMinutes(15);

    public static async Task RunAsync(string connectionString, string policyPath, int count, TimeSpan window)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SUPPORTFUNCTIONS_APP", AppContext.BaseDirectory);
        var probe = new BenchTimerEffect();
        await using var app = new BenchApp(connectionString, policyPath);
        await using var host = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ITimerEffect>(sp => probe.Attach(sp.GetRequiredService<CaseRepository>()))));
        _ = host.Services;
        await host.Services.GetRequiredService<StorageInitializer>().Ready;
        var scheduler = host.Services.GetRequiredService<TimerScheduler>();
        var cases = host.Services.GetRequiredService<CaseRepository>();

        var armStarted = DateTimeOffset.UtcNow;
        // Enough lead for arming to finish first (~300 timers/s on Azurite), so lateness measures firing, not arming.
        var firstDue = armStarted + TimeSpan.FromSeconds(Math.Max(20, count / 200));
        var step = window / count;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
        {
            var subject = $"BENCH-{i:D6}";
            var timer = await scheduler.ScheduleAsync(subject, BenchTimerEffect.BenchKind, firstDue + (step * i), ct);
            await cases.SaveTimerAsync(subject, timer, ct);
        });
        var armed = DateTimeOffset.UtcNow - armStarted;

        var deadline = firstDue + window + LostAfter;
        while (probe.Applied.Count < count && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(500);
        }

        await Task.Delay(3000); // late duplicates would show up here
        var lateness = probe.Applied.Values.Select(a => (a.FiredAt - a.DueAt).TotalMilliseconds).Order().ToArray();
        double Percentile(double p) => lateness.Length == 0 ? double.NaN : lateness[Math.Min(lateness.Length - 1, (int)(p * lateness.Length))];
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"timers armed: {count} in {armed.TotalSeconds:F1} s, due over {window.TotalSeconds:F0} s starting {(firstDue - armStarted).TotalSeconds:F0} s after arming began"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lateness (fired - due): p50 {Percentile(0.5):F0} ms, p99 {Percentile(0.99):F0} ms, max {(lateness.Length == 0 ? double.NaN : lateness[^1]):F0} ms, min {(lateness.Length == 0 ? double.NaN : lateness[0]):F0} ms"));
        var fired = probe.Applied.Values.Select(a => a.FiredAt).Order().ToArray();
        if (fired.Length > 1)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"firing: {fired.Length} timers between {(fired[0] - firstDue).TotalSeconds:F1} s and {(fired[^1] - firstDue).TotalSeconds:F1} s after the first was due (due over {window.TotalSeconds:F0} s): {fired.Length / (fired[^1] - fired[0]).TotalSeconds:F0} timers/s, needed {count / window.TotalSeconds:F0}/s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"within 2 s of due: {lateness.Count(l => l <= 2000) * 100.0 / count:F1} %"));
        }

        Console.WriteLine($"fired: {probe.Applied.Count}, lost: {count - probe.Applied.Count}, doubled: {probe.Doubled}, deliveries seen: {probe.Deliveries}");
    }

    /// <summary>Records each timer's first application and counts any second one.</summary>
    private sealed class BenchTimerEffect : ITimerEffect
    {
        public const string BenchKind = "bench";
        private CaseRepository? _cases;
        private long _doubled;
        private long _deliveries;

        public ConcurrentDictionary<string, (DateTimeOffset DueAt, DateTimeOffset FiredAt)> Applied { get; } = new();

        public long Doubled => Interlocked.Read(ref _doubled);

        public long Deliveries => Interlocked.Read(ref _deliveries);

        public string Kind => BenchKind;

        public BenchTimerEffect Attach(CaseRepository cases)
        {
            _cases = cases;
            return this;
        }

        public async Task FireAsync(TimerMessage timer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _deliveries);
            if (!Applied.TryAdd(timer.Token, (timer.DueAt, DateTimeOffset.UtcNow)))
            {
                Interlocked.Increment(ref _doubled);
                return;
            }

            await _cases!.SaveTimerAsync(timer.Subject, new TimerRecord(timer.Kind, timer.Token, timer.DueAt, TimerState.Fired), cancellationToken);
        }
    }
}
