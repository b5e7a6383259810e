using System.Net;
using System.Net.Sockets;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;
using SupportFunctions.App.Storage;
using SupportFunctions.Storage;

namespace SupportFunctions.App.Durable;

/// <summary>
/// The durable backend of the standalone service: the Durable Task Azure Storage provider (the one the Azure Functions
/// Durable extension uses) over our storage account, served to the Durable Task worker and client over a loopback gRPC
/// channel by the sidecar server of Microsoft.DurableTask.InProcessTestHost. That package's own host hard-codes an
/// in-memory backend, which would lose every wait on a restart; this is the same wiring with the durable provider. The
/// one place to swap for the Durable Task Scheduler or a stable sidecar package.
/// </summary>
public sealed class DurableBackend : IHostedService, IAsyncDisposable
{
    private readonly IOptions<DurableOptions> _options;
    private readonly IOptions<StorageOptions> _storage;
    private readonly StorageConnection _connection;
    private readonly ILoggerFactory _loggers;
    private readonly int _port;
    private static readonly TimeSpan LeaseReleaseTimeout = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _sidecar;
    private SidecarOrchestrationService? _dispatch;
    private Task _starting = Task.CompletedTask;

    public DurableBackend(IOptions<DurableOptions> options, IOptions<StorageOptions> storage, StorageConnection connection, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        _options = options;
        _storage = storage;
        _connection = connection;
        _loggers = loggers;
        // The worker and client are built before hosted services start, so the address must be known now: the OS
        // picks a free loopback port, which the sidecar takes a moment later.
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        _port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{_port}");
    }

    /// <summary>The loopback channel the Durable Task worker and client use.</summary>
    public GrpcChannel Channel { get; }

    public string HubName => DurableHubName.For(_options.Value.HubName, _storage.Value.Prefix);

    /// <summary>
    /// Creates the task hub and starts the sidecar. Storage that cannot be reached does not stop the service from
    /// starting (readiness reports it): the hub is then created in the background, retrying with backoff.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var service = new AzureStorageOrchestrationService(Settings());
        try
        {
            await StartWithAsync(service, cancellationToken);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException || ex.InnerException is Azure.RequestFailedException)
        {
            // The provider wraps the SDK's RequestFailedException in an internal storage exception type.
            Logs.DurableBackendWaiting(_loggers.CreateLogger<DurableBackend>(), HubName, ex.Message);
            _starting = RetryStartAsync(service, _stopping.Token);
        }
    }

    private async Task RetryStartAsync(AzureStorageOrchestrationService service, CancellationToken stopping)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, stopping);
                await StartWithAsync(service, stopping);
                return;
            }
            catch (Exception ex) when (ex is Azure.RequestFailedException || ex.InnerException is Azure.RequestFailedException)
            {
                Logs.DurableBackendWaiting(_loggers.CreateLogger<DurableBackend>(), HubName, ex.Message);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task StartWithAsync(AzureStorageOrchestrationService service, CancellationToken cancellationToken)
    {
        await service.CreateIfNotExistsAsync();
        var dispatch = new SidecarOrchestrationService(service);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, _port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddRouting();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(_loggers);
        builder.Services.AddSingleton<IOrchestrationService>(dispatch);
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        var sidecar = builder.Build();
        sidecar.MapGrpcService<TaskHubGrpcServer>();
        await sidecar.StartAsync(cancellationToken);
        _sidecar = sidecar;
        _dispatch = dispatch;
    }

    private AzureStorageOrchestrationServiceSettings Settings()
    {
        var options = _options.Value;
        return new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = HubName,
            StorageAccountClientProvider = ClientProvider(),
            PartitionCount = options.PartitionCount,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            ControlQueueBatchSize = options.ControlQueueBatchSize,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            WorkItemQueueVisibilityTimeout = options.WorkItemVisibilityTimeout,
            LoggerFactory = _loggers,
            // The app lease serves blue/green swaps of a Functions app; one service per task hub does not need it, and
            // without it a restarted service takes the partition over as soon as the old one released it.
            UseAppLease = false,
        };
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _starting;
        if (_sidecar is not null)
        {
            await _sidecar.StopAsync(cancellationToken);
        }

        // The sidecar stops the provider from a callback nobody awaits; awaiting the same (shared) stop here releases the
        // partition leases before the process ends, so the next one (a restart, a deployment) resumes the waits at once
        // instead of after the leases expire.
        if (_dispatch is not null)
        {
            // Bounded: with storage unreachable the provider retries its lease writes for as long as it is let; the
            // leases then simply expire.
            try
            {
                await _dispatch.StopAsync(isForced: false).WaitAsync(LeaseReleaseTimeout, cancellationToken);
            }
            catch (TimeoutException)
            {
                Logs.DurableLeasesNotReleased(_loggers.CreateLogger<DurableBackend>(), HubName, LeaseReleaseTimeout);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_sidecar is not null)
        {
            await _sidecar.DisposeAsync();
            _sidecar = null;
        }

        Channel.Dispose();
        _stopping.Dispose();
    }

    /// <summary>The provider's clients carry our client options, so they speak the service versions Azurite and Azure both serve.</summary>
    private StorageAccountClientProvider ClientProvider()
    {
        if (_connection.ConnectionString is { } connectionString)
        {
            return new StorageAccountClientProvider(
                StorageServiceClientProvider.ForBlob(connectionString, StorageClientSettings.Blobs()),
                StorageServiceClientProvider.ForQueue(connectionString, QueueOptions()),
                StorageServiceClientProvider.ForTable(connectionString, StorageClientSettings.Tables()));
        }

        // Managed identity needs the Blob, Queue and Table data contributor roles for the provider (infra/bicep grants them).
        var credential = new Azure.Identity.DefaultAzureCredential();
        return new StorageAccountClientProvider(
            StorageServiceClientProvider.ForBlob(_connection.BlobServiceUri, credential, StorageClientSettings.Blobs()),
            StorageServiceClientProvider.ForQueue(_connection.QueueServiceUri, credential, QueueOptions()),
            StorageServiceClientProvider.ForTable(_connection.TableServiceUri, credential, StorageClientSettings.Tables()));
    }

    /// <summary>The provider encodes its own queue messages; ours are base64 for the Functions queue trigger, its are not.</summary>
    private static Azure.Storage.Queues.QueueClientOptions QueueOptions()
    {
        var options = StorageClientSettings.Queues();
        options.MessageEncoding = Azure.Storage.Queues.QueueMessageEncoding.None;
        return options;
    }
}
