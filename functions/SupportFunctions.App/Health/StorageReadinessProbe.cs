using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using SupportFunctions.App.Storage;
using SupportFunctions.Storage;

namespace SupportFunctions.App.Health;

/// <summary>
/// Checks Table, Blob and Queue in parallel with the probe clients (no retries, short timeout) and a deadline: a readiness
/// probe must answer quickly and say which service failed, not wait out the normal retry policy.
/// </summary>
public sealed class StorageReadinessProbe(
    IAzureClientFactory<TableServiceClient> tables,
    IAzureClientFactory<BlobServiceClient> blobs,
    IAzureClientFactory<QueueServiceClient> queues,
    StorageInitializer layout,
    ILogger<StorageReadinessProbe> logger)
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

    private readonly TableServiceClient _tables = tables.CreateClient(StorageClientRegistration.ProbeClientName);
    private readonly BlobServiceClient _blobs = blobs.CreateClient(StorageClientRegistration.ProbeClientName);
    private readonly QueueServiceClient _queues = queues.CreateClient(StorageClientRegistration.ProbeClientName);

    public async Task<IReadOnlyList<StorageCheck>> CheckAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        // The cheapest authenticated request per service (list one item): it succeeds only if the service answers and accepts our credentials.
        var checks = await Task.WhenAll(
            CheckOneAsync("table", async token => { await foreach (var _ in _tables.QueryAsync(maxPerPage: 1, cancellationToken: token).AsPages(pageSizeHint: 1)) { break; } }, deadline.Token),
            CheckOneAsync("blob", async token => { await foreach (var _ in _blobs.GetBlobContainersAsync(cancellationToken: token).AsPages(pageSizeHint: 1)) { break; } }, deadline.Token),
            CheckOneAsync("queue", async token => { await foreach (var _ in _queues.GetQueuesAsync(cancellationToken: token).AsPages(pageSizeHint: 1)) { break; } }, deadline.Token));
        var created = new StorageCheck("layout", layout.IsReady, layout.IsReady ? null : "tables, containers and queues not created yet", 0);
        return [.. checks, created];
    }

    private async Task<StorageCheck> CheckOneAsync(string service, Func<CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            await probe(cancellationToken);
            return new StorageCheck(service, true, null, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (RequestFailedException ex)
        {
            Logs.StorageProbeFailed(logger, service, ex.Status, ex.ErrorCode);
            return new StorageCheck(service, false, ex.Status == 0 ? "unreachable" : $"{ex.Status} {ex.ErrorCode}", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException)
        {
            Logs.StorageProbeFailed(logger, service, 0, "Timeout");
            return new StorageCheck(service, false, $"no answer within {Deadline.TotalSeconds:0} s", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
