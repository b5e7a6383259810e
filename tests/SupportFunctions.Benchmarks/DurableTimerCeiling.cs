using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace SupportFunctions.Benchmarks;

/// <summary>
/// What the durable backend itself allows on this emulator, whatever our code does: N orchestrations that only wait for
/// one durable timer (no activity, no case, no notification), due evenly over the same 60-second window, on the app's
/// own backend and settings. Each reports the orchestration time at which its timer was handled; lateness is that
/// minus its due time (early firings negative).
/// </summary>
public static class DurableTimerCeiling
{
    private const string Orchestrator = "BenchBareTimer";
    private const string InstancePrefix = "bench-bare-timer-";
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(string connectionString, int count)
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SUPPORTFUNCTIONS_APP", AppContext.BaseDirectory);
        var policyPath = Path.Combine(AppContext.BaseDirectory, "policies", "purecloud.json");
        await using var app = new BenchApp(connectionString, policyPath, services: services => services.Configure<DurableTaskRegistry>(tasks =>
            tasks.AddOrchestratorFunc<DateTime, TimerTimes>(Orchestrator, async (context, due) =>
            {
                var armed = context.CurrentUtcDateTime;
                await context.CreateTimer(due, CancellationToken.None);
                return new TimerTimes(armed, context.CurrentUtcDateTime);
            })));
        using var http = await app.StartAsAdminAsync();
        var client = app.Services.GetRequiredService<DurableTaskClient>();

        // Each orchestration's first step (arming its timer) is queued work too; the window begins once they are expected
        // to be armed (at 10 first steps a second), and the report says when the last one was.
        var windowStart = DateTime.UtcNow + TimeSpan.FromSeconds(Math.Max(30, count / 10.0));
        var started = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await client.ScheduleNewOrchestrationInstanceAsync(Orchestrator, windowStart + (Window * i / count), new StartOrchestrationOptions(InstancePrefix + i.ToString("D5", CultureInfo.InvariantCulture)), ct));
        var starting = DateTimeOffset.UtcNow - started;

        var deadline = windowStart + Window + TimeSpan.FromMinutes(10);
        var lateness = new List<double>();
        var lastArmed = DateTime.MinValue;
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            lateness.Clear();
            var query = new OrchestrationQuery { InstanceIdPrefix = InstancePrefix, Statuses = [OrchestrationRuntimeStatus.Completed], FetchInputsAndOutputs = true, PageSize = 1000 };
            await foreach (var instance in client.GetAllInstancesAsync(query))
            {
                var times = instance.ReadOutputAs<TimerTimes>() ?? throw new InvalidOperationException($"{instance.InstanceId} completed without its times.");
                lateness.Add((times.Fired - instance.ReadInputAs<DateTime>()).TotalMilliseconds);
                lastArmed = times.Armed > lastArmed ? times.Armed : lastArmed;
            }

            if (lateness.Count == count || DateTime.UtcNow > deadline)
            {
                break;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"durable backend alone ({count} orchestrations that only wait for one timer, due over {Window.TotalSeconds:F0} s; started in {starting.TotalSeconds:F1} s, the last timer armed {(lastArmed - windowStart).TotalSeconds:F1} s from the window's start): lateness {Lateness.Describe(lateness)}, lost {count - lateness.Count}"));
    }
}
