using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using SupportFunctions.Storage.Blobs;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.Storage.Repositories;

/// <summary>
/// Purge runs (table) with their page plans and proofs (blobs). One run at a time: a lock row names the unfinished run,
/// so the schedule and an administrator starting a run together get the same run.
/// </summary>
public sealed class PurgeRunRepository(StorageLayout layout)
{
    private const string RunPartition = "run";
    private const string LockPartition = "lock";
    private const string LockRow = "current";

    private TableClient Table => layout.Table(StorageLayout.PurgesTable);

    private BlobContainerClient Blobs => layout.Container(StorageLayout.PurgesContainer);

    /// <summary>Creates the run unless one is unfinished; returns the run that is now current and whether it is the new one.</summary>
    public async Task<(PurgeRun Run, bool Created)> StartAsync(PurgeRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        try
        {
            await Table.InsertAsync(new TableEntity(LockPartition, LockRow) { ["RunId"] = run.Id, ["DataClass"] = "purgeRun" }, cancellationToken);
        }
        catch (StorageConflictException)
        {
            var current = await Table.FindAsync(LockPartition, LockRow, cancellationToken: cancellationToken);
            if (current?.GetString("RunId") is { } runningId && await GetAsync(runningId, cancellationToken) is { State: PurgeRun.Running } running)
            {
                return (running, false);
            }

            // The lock outlived its run (a crash between the two writes, or a finished run whose unlock failed): take it.
            await Table.UpsertAsync(new TableEntity(LockPartition, LockRow) { ["RunId"] = run.Id, ["DataClass"] = "purgeRun" }, cancellationToken: cancellationToken);
        }

        var etag = await Table.UpsertAsync(ToEntity(run), cancellationToken: cancellationToken);
        return (run with { ETag = etag }, true);
    }

    public async Task<PurgeRun?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var entity = await Table.FindAsync(RunPartition, id, cancellationToken: cancellationToken);
        return entity is null ? null : ToRun(entity);
    }

    /// <summary>The unfinished run, if any.</summary>
    public async Task<PurgeRun?> CurrentAsync(CancellationToken cancellationToken)
    {
        var current = await Table.FindAsync(LockPartition, LockRow, cancellationToken: cancellationToken);
        return current?.GetString("RunId") is { } id && await GetAsync(id, cancellationToken) is { State: PurgeRun.Running } run ? run : null;
    }

    /// <summary>Runs, newest first.</summary>
    public async Task<IReadOnlyList<PurgeRun>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        var runs = await Table.QueryEntitiesAsync(TableFilter.PartitionKeyEquals(RunPartition), cancellationToken: cancellationToken).Select(ToRun).ToListAsync(cancellationToken);
        return runs.OrderByDescending(r => r.StartedAt).Take(limit).ToList();
    }

    /// <summary>Saves the run if nobody else did since it was read (else <see cref="StorageConcurrencyException"/>); returns it with its new ETag.</summary>
    public async Task<PurgeRun> SaveAsync(PurgeRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var etag = await Table.UpdateAsync(ToEntity(run), run.ETag ?? "*", cancellationToken: cancellationToken);
        if (run.State != PurgeRun.Running)
        {
            var current = await Table.FindAsync(LockPartition, LockRow, cancellationToken: cancellationToken);
            if (current is not null && current.GetString("RunId") == run.Id)
            {
                await Table.DeleteAsync(LockPartition, LockRow, current.ETag.ToString(), cancellationToken);
            }
        }

        return run with { ETag = etag };
    }

    /// <summary>The keys a page will purge, saved before any is touched (they may name personal files: deleted when the run ends).</summary>
    public async Task SavePlanAsync(string runId, int page, string plan, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(plan), writable: false);
        await Blobs.UploadAsync(PlanName(runId, page), content, "application/json", overwrite: true, cancellationToken: cancellationToken);
    }

    public async Task<string?> LoadPlanAsync(string runId, int page, CancellationToken cancellationToken)
    {
        using var download = await Blobs.DownloadOrNullAsync(PlanName(runId, page), cancellationToken);
        if (download is null)
        {
            return null;
        }

        using var reader = new StreamReader(download.Content, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>Deletes the run's page plans (a missing one is success).</summary>
    public async Task DeletePlansAsync(string runId, CancellationToken cancellationToken)
    {
        await foreach (var blob in Blobs.ListAsync($"{runId}/plan/", cancellationToken))
        {
            await Blobs.DeleteIfExistsAsync(blob.Name, cancellationToken);
        }
    }

    private static string PlanName(string runId, int page) => $"{runId}/plan/{page:D6}.json";

    /// <summary>The proof of one page: the ids it touched, one per line. Written again on a resumed page, never twice over.</summary>
    public async Task SaveProofAsync(string runId, int page, IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', ids)), writable: false);
        await Blobs.UploadAsync($"{runId}/proof/{page:D6}.txt", content, "text/plain; charset=utf-8", overwrite: true, cancellationToken: cancellationToken);
    }

    /// <summary>Every id the run touched, page by page.</summary>
    public async IAsyncEnumerable<string> ReadProofAsync(string runId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var blob in Blobs.ListAsync($"{runId}/proof/", cancellationToken))
        {
            using var download = await Blobs.DownloadOrNullAsync(blob.Name, cancellationToken);
            if (download is null)
            {
                continue;
            }

            using var reader = new StreamReader(download.Content, Encoding.UTF8);
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.Length > 0)
                {
                    yield return line;
                }
            }
        }
    }

    private static TableEntity ToEntity(PurgeRun run) => new(RunPartition, run.Id)
    {
        ["DryRun"] = run.DryRun,
        ["Trigger"] = run.Trigger,
        ["StartedAt"] = run.StartedAt,
        ["FinishedAt"] = run.FinishedAt,
        ["State"] = run.State,
        ["Error"] = run.Error,
        ["Phase"] = run.Phase,
        ["Pages"] = run.Pages,
        ["Purged"] = StoredJson.Write(run.Purged),
        ["Held"] = StoredJson.Write(run.Held),
        ["DataClass"] = "purgeRun",
    };

    private static PurgeRun ToRun(TableEntity e) => new()
    {
        Id = e.RowKey,
        DryRun = e.GetBoolean("DryRun") ?? false,
        Trigger = e.GetString("Trigger") ?? string.Empty,
        StartedAt = e.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue,
        FinishedAt = e.GetDateTimeOffset("FinishedAt"),
        State = e.GetString("State") ?? PurgeRun.Running,
        Error = e.GetString("Error"),
        Phase = e.GetInt32("Phase") ?? 0,
        Pages = e.GetInt32("Pages") ?? 0,
        Purged = StoredJson.Read<Dictionary<string, long>>(e.GetString("Purged"), []),
        Held = StoredJson.Read<Dictionary<string, long>>(e.GetString("Held"), []),
        ETag = e.ETag.ToString(),
    };
}
