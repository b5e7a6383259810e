using Azure.Data.Tables;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.Storage.Repositories;

/// <summary>
/// Delivery state of the outbox intents, kept on the intent rows in their case partitions. Every transition is an
/// ETag-checked merge, so of two workers holding the same intent exactly one claims it.
/// </summary>
public sealed class OutboxRepository(StorageLayout layout)
{
    private TableClient Table => layout.Table(StorageLayout.CasesTable);

    /// <summary>The intent and its case in one read of the case partition (a sender needs both).</summary>
    public async Task<(NotificationDelivery? Delivery, StoredCase? Case)> GetWithCaseAsync(string caseNumber, string intentId, CancellationToken cancellationToken)
    {
        var rows = TableFilter.RowKeyEquals(CaseEntities.CaseRow).Or(TableFilter.RowKeyEquals(CaseEntities.IntentPrefix + intentId));
        NotificationDelivery? delivery = null;
        StoredCase? stored = null;
        await foreach (var entity in Table.QueryEntitiesAsync(TableFilter.PartitionKeyEquals(caseNumber).And(rows), cancellationToken: cancellationToken))
        {
            if (entity.RowKey == CaseEntities.CaseRow)
            {
                stored = new StoredCase(CaseEntities.ToCase(entity), entity.ETag.ToString());
            }
            else
            {
                delivery = ToDelivery(entity);
            }
        }

        return (delivery, stored);
    }

    public async Task<IReadOnlyList<NotificationDelivery>> ListAsync(string caseNumber, CancellationToken cancellationToken) =>
        await Table.QueryEntitiesAsync(TableFilter.PartitionKeyEquals(caseNumber).And(TableFilter.StartsWith("RowKey", CaseEntities.IntentPrefix)), cancellationToken: cancellationToken)
            .Select(ToDelivery)
            .OrderBy(d => d.Intent.CreatedAt)
            .ToListAsync(cancellationToken);

    /// <summary>Takes the intent for one attempt until <paramref name="leaseUntil"/>; null when another worker changed it first.</summary>
    public Task<NotificationDelivery?> ClaimAsync(NotificationDelivery current, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        return TransitionAsync(current, current with { State = NotificationDelivery.Sending, Attempts = current.Attempts + 1, LeaseUntil = leaseUntil }, cancellationToken);
    }

    /// <summary>Records the outcome of the attempt this worker claimed; null when the claim was lost meanwhile.</summary>
    public Task<NotificationDelivery?> CompleteAsync(NotificationDelivery claimed, NotificationDelivery outcome, CancellationToken cancellationToken) =>
        TransitionAsync(claimed, outcome, cancellationToken);

    /// <summary>
    /// Intents not final whose delivery should have happened before <paramref name="before"/>: pending ones created
    /// earlier, retries due earlier, and claims whose lease ran out (their worker died). A filtered scan of intent rows.
    /// </summary>
    public async IAsyncEnumerable<NotificationDelivery> FindStalledAsync(DateTimeOffset before, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var intents = TableFilter.GreaterThanOrEqual("RowKey", CaseEntities.IntentPrefix).And(TableFilter.LessThan("RowKey", "out}"));
        var stalled = TableFilter.Equal("State", NotificationDelivery.Pending).And(TableFilter.LessThan("CreatedAt", before))
            .Or(TableFilter.Equal("State", NotificationDelivery.Retrying).And(TableFilter.LessThan("NextAttemptAt", before)))
            .Or(TableFilter.Equal("State", NotificationDelivery.Sending).And(TableFilter.LessThan("LeaseUntil", before)));
        await foreach (var entity in Table.QueryEntitiesAsync(intents.And(stalled), cancellationToken: cancellationToken))
        {
            yield return ToDelivery(entity);
        }
    }

    private async Task<NotificationDelivery?> TransitionAsync(NotificationDelivery from, NotificationDelivery to, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(to.Intent.CaseNumber, CaseEntities.IntentPrefix + to.Intent.Id)
        {
            ["State"] = to.State,
            ["Attempts"] = to.Attempts,
            ["LeaseUntil"] = to.LeaseUntil,
            ["NextAttemptAt"] = to.NextAttemptAt,
            ["SentAt"] = to.SentAt,
            ["MessageId"] = to.MessageId,
            ["ProviderMessageId"] = to.ProviderMessageId,
            ["LastError"] = to.LastError is { Length: > 2000 } error ? error[..2000] : to.LastError,
        };
        try
        {
            var etag = await Table.UpdateAsync(entity, from.ETag, TableUpdateMode.Merge, cancellationToken);
            return to with { ETag = etag };
        }
        catch (StorageConcurrencyException)
        {
            return null;
        }
    }

    private static NotificationDelivery ToDelivery(TableEntity e) => new(
        CaseEntities.ToIntent(e),
        e.GetString("State") ?? NotificationDelivery.Pending,
        e.GetInt32("Attempts") ?? 0,
        e.GetDateTimeOffset("LeaseUntil"),
        e.GetDateTimeOffset("NextAttemptAt"),
        e.GetDateTimeOffset("SentAt"),
        e.GetString("MessageId"),
        e.GetString("ProviderMessageId"),
        e.GetString("LastError"),
        e.ETag.ToString());
}
