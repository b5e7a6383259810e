using System.Globalization;

namespace SupportFunctions.Benchmarks;

/// <summary>scripts/bench &lt;name&gt;: throughput measurements against the Azurite that scripts/bench started.</summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        var name = args.FirstOrDefault() ?? "storage";
        var connectionString = Environment.GetEnvironmentVariable("SUPPORTFUNCTIONS_BENCH_STORAGE")
            ?? throw new InvalidOperationException("SUPPORTFUNCTIONS_BENCH_STORAGE is not set; run through scripts/bench.");
        var seconds = double.Parse(Environment.GetEnvironmentVariable("SUPPORTFUNCTIONS_BENCH_SECONDS") ?? "3", CultureInfo.InvariantCulture);

        switch (name)
        {
            case "storage":
                await StorageBenchmark.RunAsync(connectionString, TimeSpan.FromSeconds(seconds));
                return 0;
            case "intake":
                await IntakeBenchmark.RunAsync(connectionString, Path.Combine(AppContext.BaseDirectory, "policies", "everbridge.json"), TimeSpan.FromSeconds(seconds));
                return 0;
            case "inbound":
                await InboundBenchmark.RunAsync(connectionString, Path.Combine(AppContext.BaseDirectory, "policies", "digibee.json"), TimeSpan.FromSeconds(seconds));
                return 0;
            case "timers":
                var count = int.Parse(Environment.GetEnvironmentVariable("SUPPORTFUNCTIONS_BENCH_TIMERS") ?? "1000", CultureInfo.InvariantCulture);
                await QueueCeiling.RunAsync(connectionString, [0, count / 4, count]);
                await DurableTimerCeiling.RunAsync(connectionString, count);
                await SlaTimerBenchmark.RunAsync(connectionString, count);
                return 0;
            case "coldstart":
                await ColdStartBenchmark.RunAsync(connectionString, Environment.GetEnvironmentVariable("SUPPORTFUNCTIONS_PACKAGE_APP") ?? "dist/standalone", int.Parse(Environment.GetEnvironmentVariable("SUPPORTFUNCTIONS_BENCH_RUNS") ?? "9", CultureInfo.InvariantCulture));
                return 0;
            case "purge":
                var entities = int.Parse(Environment.GetEnvironmentVariable("SUPPORTFUNCTIONS_BENCH_PURGE_ENTITIES") ?? "100000", CultureInfo.InvariantCulture);
                var blobs = int.Parse(Environment.GetEnvironmentVariable("SUPPORTFUNCTIONS_BENCH_PURGE_BLOBS") ?? "10000", CultureInfo.InvariantCulture);
                await PurgeCeiling.RunAsync(connectionString, [1000, entities], [100, blobs]);
                await PurgeBenchmark.RunAsync(connectionString, Path.Combine(AppContext.BaseDirectory, "policies", "everbridge.json"), entities, blobs);
                return 0;
            case "notifications":
                await NotificationBenchmark.RunAsync(connectionString, Path.Combine(AppContext.BaseDirectory, "policies", "everbridge.json"), int.Parse(Environment.GetEnvironmentVariable("SUPPORTFUNCTIONS_BENCH_NOTIFICATIONS") ?? "2000", CultureInfo.InvariantCulture));
                return 0;
            case "queue":
                var opens = (Environment.GetEnvironmentVariable("SUPPORTFUNCTIONS_BENCH_QUEUE_OPEN") ?? "1000,10000").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
                var closed = int.Parse(Environment.GetEnvironmentVariable("SUPPORTFUNCTIONS_BENCH_QUEUE_CLOSED") ?? "10000", CultureInfo.InvariantCulture);
                await QueueBenchmark.RunAsync(connectionString, Path.Combine(AppContext.BaseDirectory, "policies", "talkdesk.json"), opens, closed, TimeSpan.FromSeconds(Math.Max(seconds, 5)), 20);
                return 0;
            default:
                await Console.Error.WriteLineAsync($"Unknown benchmark '{name}'. Known: storage, intake, inbound, timers, purge, coldstart, notifications, queue.");
                return 2;
        }
    }
}
