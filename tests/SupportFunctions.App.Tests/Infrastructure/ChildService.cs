using System.Diagnostics;
using System.Net;

namespace SupportFunctions.App.Tests.Infrastructure;

/// <summary>
/// The standalone service as its own process (dotnet SupportFunctions.Standalone.dll) on a free loopback port, so a test can
/// run several on one task hub and kill one like an OOM or a lost VM would.
/// </summary>
public sealed class ChildService : IDisposable
{
    private readonly Process _process;

    private ChildService(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Starts the service with these settings (configuration keys) and waits until it reports ready.</summary>
    public static async Task<ChildService> StartAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var port = LoopbackPort.Free();
        var environment = settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value, StringComparer.Ordinal);
        var process = Process.Start(AppProcess.StartInfo(environment, "--urls", $"http://127.0.0.1:{port}"))!;
        // Drained so a chatty log never blocks the child on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new ChildService(process, new Uri($"http://127.0.0.1:{port}"));
        using var probeClient = new HttpClient { BaseAddress = service.Address, Timeout = TimeSpan.FromSeconds(5) };
        await Eventually.WaitAsync(
            async () =>
            {
                Assert.False(process.HasExited, $"the service exited with code {(process.HasExited ? process.ExitCode : 0)}");
                try
                {
                    return (await probeClient.GetAsync(new Uri("/api/health/ready", UriKind.Relative), cancellationToken)).StatusCode;
                }
                catch (HttpRequestException)
                {
                    return HttpStatusCode.ServiceUnavailable;
                }
            },
            status => status == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60),
            "the child service to be ready");
        return service;
    }

    /// <summary>
    /// A customer seeded on a fresh storage prefix by an in-process app (stopped again, its storage kept), and the
    /// settings child processes share that storage (and task hub) with; <paramref name="configure"/> applies to both.
    /// </summary>
    public static async Task<(Customer Customer, Dictionary<string, string?> Settings)> SeedAsync(string policy, Action<Dictionary<string, string?>>? configure = null)
    {
        var seeding = await SupportApp.StartAsync(policy, configure);
        var customer = await seeding.CustomerAsync(designated: true);
        var settings = SupportAppFactory.Settings(policy);
        settings["SupportFunctions:Storage:Prefix"] = seeding.Prefix;
        configure?.Invoke(settings);
        await seeding.StopAsync();
        return (customer, settings);
    }

    /// <summary>A client of this process with the given API key.</summary>
    public HttpClient Client(string apiKey)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>SIGKILL: no shutdown hooks, no lease release.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }
}
