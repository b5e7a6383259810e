using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using SupportFunctions.App.Durable;
using SupportFunctions.App.Storage;
using SupportFunctions.Storage;

namespace SupportFunctions.Standalone.Durable;

/// <summary>
/// The standalone service's durable engine: DurableTask.Core's <see cref="TaskHubWorker"/> (the dispatcher the Azure
/// Functions Durable extension runs on this provider) over the Durable Task Azure Storage provider on our account. It
/// renews the messages and leases it holds, keeps histories in memory between steps (extended sessions) and shares the
/// hub with other instances through the provider's partition leases, each instance under a worker id of its own.
/// </summary>
public sealed class DurableEngine : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan LeaseReleaseTimeout = TimeSpan.FromSeconds(10);

    private readonly DurableTaskRegistry _tasks;
    private readonly IServiceProvider _services;
    private readonly ILoggerFactory _loggers;
    private readonly CancellationTokenSource _stopping = new();
    private TaskHubWorker? _worker;
    private Task _starting = Task.CompletedTask;

    public DurableEngine(IOptions<DurableOptions> options, IOptions<StorageOptions> storage, IOptions<DurableTaskRegistry> tasks, StorageConnection connection, IServiceProvider services, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(tasks);
        _tasks = tasks.Value;
        _services = services;
        _loggers = loggers;
        HubName = DurableHubName.For(options.Value.HubName, storage.Value.Prefix);
        WorkerId = string.IsNullOrWhiteSpace(options.Value.WorkerId) ? UniqueWorkerId() : options.Value.WorkerId;
        Service = new AzureStorageOrchestrationService(DurableProviderSettings.For(options.Value, HubName, WorkerId, connection, loggers));
    }

    public string HubName { get; }

    /// <summary>The name this process holds partition leases under.</summary>
    public string WorkerId { get; }

    /// <summary>The provider: the worker's backend and the client's (<see cref="TaskHubDurableClient"/>).</summary>
    internal AzureStorageOrchestrationService Service { get; }

    /// <summary>
    /// Creates the task hub and starts the worker. Storage that cannot be reached does not stop the service from
    /// starting (readiness reports it): the engine then starts in the background, retrying with backoff.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await StartWorkerAsync();
        }
        catch (Exception ex) when (DurableStorageFailure.Unwrap(ex) is { } storage)
        {
            Logs.DurableBackendWaiting(_loggers.CreateLogger<DurableEngine>(), HubName, storage.Message);
            _starting = RetryStartAsync(_stopping.Token);
        }
    }

    private async Task RetryStartAsync(CancellationToken stopping)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, stopping);
                await StartWorkerAsync();
                return;
            }
            catch (Exception ex) when (DurableStorageFailure.Unwrap(ex) is { } storage)
            {
                Logs.DurableBackendWaiting(_loggers.CreateLogger<DurableEngine>(), HubName, storage.Message);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task StartWorkerAsync()
    {
        await Service.CreateIfNotExistsAsync();
        var (orchestrations, activities) = TaskHubTaskCreators.For(_tasks, _services, _loggers);
        var worker = new TaskHubWorker(Service, _loggers)
        {
            // The SDK's shims read and write failures as FailureDetails (as the Functions extension runs them).
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };
        worker.AddTaskOrchestrations(orchestrations);
        worker.AddTaskActivities(activities);
        await worker.StartAsync();
        _worker = worker;
        Logs.DurableEngineStarted(_loggers.CreateLogger<DurableEngine>(), HubName, WorkerId);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _starting;
        if (_worker is null)
        {
            return;
        }

        // Releasing the partition leases lets another instance (or this one restarted) resume the waits at once instead
        // of after the leases expire. Bounded: with storage unreachable the provider retries its lease writes for as long
        // as it is let; the leases then simply expire.
        try
        {
            await _worker.StopAsync(isForced: false).WaitAsync(LeaseReleaseTimeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            Logs.DurableLeasesNotReleased(_loggers.CreateLogger<DurableEngine>(), HubName, LeaseReleaseTimeout);
        }
    }

    public ValueTask DisposeAsync()
    {
        _worker?.Dispose();
        _worker = null;
        _stopping.Dispose();
        return ValueTask.CompletedTask;
    }

    private static string UniqueWorkerId() =>
        $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
}
