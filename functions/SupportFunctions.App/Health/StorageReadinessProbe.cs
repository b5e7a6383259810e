using SupportFunctions.App.Storage;
using SupportFunctions.Storage;
using SupportFunctions.Storage.Blobs;
using SupportFunctions.Storage.Queues;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.App.Health;

/// <summary>
/// Checks Table, Blob and Queue in parallel with no retries and a short deadline: a readiness probe must answer
/// quickly and say which service failed, not wait out the normal retry policy.
/// </summary>
public sealed class StorageReadinessProbe
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

    private readonly TableServiceClient _tables;
    private readonly BlobServiceClient _blobs;
    private readonly QueueServiceClient _queues;
    private readonly ILogger<StorageReadinessProbe> _logger;

    private readonly StorageInitializer _layout;

    public StorageReadinessProbe(StorageAccount account, StorageInitializer layout, ILogger<StorageReadinessProbe> logger)
    {
        _layout = layout;
        var options = new StorageClientOptions();
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = Deadline;
        _tables = new TableServiceClient(account, options);
        _blobs = new BlobServiceClient(account, options);
        _queues = new QueueServiceClient(account, options);
        _logger = logger;
    }

    public async Task<IReadOnlyList<StorageCheck>> CheckAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        var checks = await Task.WhenAll(
            CheckOneAsync("table", _tables.ProbeAsync, deadline.Token),
            CheckOneAsync("blob", _blobs.ProbeAsync, deadline.Token),
            CheckOneAsync("queue", _queues.ProbeAsync, deadline.Token));
        var layout = new StorageCheck("layout", _layout.IsReady, _layout.IsReady ? null : "tables, containers and queues not created yet", 0);
        return [.. checks, layout];
    }

    private async Task<StorageCheck> CheckOneAsync(string service, Func<CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await probe(cancellationToken);
            return new StorageCheck(service, true, null, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (StorageRequestFailedException ex)
        {
            Logs.StorageProbeFailed(_logger, service, ex.Status, ex.ErrorCode);
            return new StorageCheck(service, false, ex.Status == 0 ? "unreachable" : $"{ex.Status} {ex.ErrorCode}", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException)
        {
            Logs.StorageProbeFailed(_logger, service, 0, "Timeout");
            return new StorageCheck(service, false, $"no answer within {Deadline.TotalSeconds:0} s", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
