using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace SupportFunctions.Benchmarks;

/// <summary>
/// Cold start of the standalone service as a VM or container runs it (dist/standalone: self-contained, ReadyToRun,
/// linux-x64), from process start to the first 200 from /api/health, several runs. The Functions worker cannot start
/// without the Functions host (it connects to the host's gRPC endpoint first), which cannot be installed here.
/// </summary>
public static class ColdStartBenchmark
{
    public static async Task RunAsync(string connectionString, string packageFolder, int runs)
    {
        var executable = Path.Combine(packageFolder, "SupportFunctions.Standalone");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"{executable} does not exist; scripts/bench coldstart publishes it first.");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        var times = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var port = FreePort();
            var start = new ProcessStartInfo(executable) { WorkingDirectory = packageFolder, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"http://127.0.0.1:{port}");
            start.Environment["SupportFunctions__Storage__ConnectionString"] = connectionString;
            start.Environment["SupportFunctions__Storage__Prefix"] = "cold" + run.ToString(CultureInfo.InvariantCulture);
            start.Environment["SupportFunctions__Policy"] = "policies/everbridge.json";
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            while (true)
            {
                try
                {
                    using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/api/health"));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                }

                if (clock.Elapsed > TimeSpan.FromSeconds(30) || process.HasExited)
                {
                    throw new InvalidOperationException("The app did not answer /api/health within 30 s (or exited).");
                }

                await Task.Delay(5);
            }

            times.Add(clock.Elapsed.TotalMilliseconds);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            await Task.Delay(500);
        }

        var sorted = times.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold start to first /api/health 200, {runs} runs (ms): {string.Join(", ", times.Select(t => t.ToString("F0", CultureInfo.InvariantCulture)))}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median {sorted[sorted.Count / 2]:F0} ms, min {sorted[0]:F0}, max {sorted[^1]:F0}"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
