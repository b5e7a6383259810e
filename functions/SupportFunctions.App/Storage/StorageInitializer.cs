using Azure;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Storage;

/// <summary>
/// Creates the tables, containers and queues at start-up, retrying in the background while storage is unreachable
/// (the app still starts and readiness says what is missing) instead of failing the process.
/// </summary>
public sealed class StorageInitializer(StorageLayout layout, IHostApplicationLifetime lifetime, ILogger<StorageInitializer> logger) : BackgroundService
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once everything exists.</summary>
    public Task Ready => _ready.Task;

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Start once the server listens: on a cold start the first request is not kept waiting for ~20 create calls
        // competing for the same CPU (the resources exist after the first deployment anyway).
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await layout.EnsureCreatedAsync(stoppingToken);
                Logs.StorageLayoutReady(logger, layout.Naming.Prefix);
                _ready.TrySetResult();
                return;
            }
            catch (RequestFailedException ex)
            {
                Logs.StorageLayoutFailed(logger, ex.Status, ex.ErrorCode, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
            }
        }
    }
}
