using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SupportFunctions.App.Tests.Infrastructure;

/// <summary>
/// An Azurite of this test's own (in memory, free ports) for tests that must stop storage and watch the app notice.
/// Uses the same pinned Azurite that scripts/test installed.
/// </summary>
public sealed class PrivateAzurite : IAsyncDisposable
{
    private readonly Process _process;

    private PrivateAzurite(Process process, int blob, int queue, int table)
    {
        _process = process;
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
    }

    public string ConnectionString { get; }

    public static async Task<PrivateAzurite> StartAsync(CancellationToken cancellationToken)
    {
        var (blob, queue, table) = (LoopbackPort.Free(), LoopbackPort.Free(), LoopbackPort.Free());
        var start = new ProcessStartInfo(RepositoryPaths.Combine("scripts", "node_modules", ".bin", "azurite"))
        {
            ArgumentList = { "--silent", "--disableTelemetry", "--inMemoryPersistence", "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1", "--blobPort", $"{blob}", "--queuePort", $"{queue}", "--tablePort", $"{table}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("Azurite did not start.");
        var azurite = new PrivateAzurite(process, blob, queue, table);
        foreach (var port in new[] { blob, queue, table })
        {
            await WaitForPortAsync(port, cancellationToken);
        }

        return azurite;
    }

    /// <summary>SIGSTOP: Azurite keeps its ports (connections are accepted by the kernel) but answers nothing: a stalled store.</summary>
    public Task PauseAsync() => SignalAsync("STOP");

    /// <summary>SIGCONT: the stalled store answers again.</summary>
    public Task ResumeAsync() => SignalAsync("CONT");

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>Kills Azurite and waits until it is gone: storage is now stopped.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            await ResumeAsync(); // a stopped process would not die of SIGKILL until continued on some kernels
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }

    private static async Task WaitForPortAsync(int port, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }
}
