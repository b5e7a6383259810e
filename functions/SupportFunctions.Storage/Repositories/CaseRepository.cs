using Azure.Data.Tables;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.Storage.Repositories;

/// <summary>Cases with their events, outbox intents and attachments; every write to a case is one all-or-nothing transaction.</summary>
public sealed class CaseRepository(StorageLayout layout)
{
    private TableClient Table => layout.Table(StorageLayout.CasesTable);

    /// <summary>
    /// Writes a new case with everything its opening produced. When a case with that number already exists nothing is
    /// written and the answer is that case, for the caller to tell its own earlier attempt (same origin) from another
    /// request's case.
    /// </summary>
    public async Task<StoredCase?> CreateAsync(CaseOpening opening, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opening);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, CaseEntities.ToEntity(opening.Case)) };
        actions.AddRange(opening.Events.Select(e => new TableTransactionAction(TableTransactionActionType.Add, CaseEntities.ToEntity(e))));
        actions.AddRange(opening.Intents.Select(i => new TableTransactionAction(TableTransactionActionType.Add, CaseEntities.ToEntity(i))));
        actions.AddRange(opening.Attachments.Select(a => new TableTransactionAction(TableTransactionActionType.Add, CaseEntities.ToEntity(opening.Case.Number, a))));
        actions.AddRange(ProjectionMarkers(opening.Case, opening.Case));
        try
        {
            await Table.SubmitAsync(actions, cancellationToken);
            return null;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409 && ex.FailedTransactionActionIndex is null or 0)
        {
            return await GetAsync(opening.Case.Number, cancellationToken) ?? throw new InvalidOperationException($"Case {opening.Case.Number} exists and cannot be read.", ex);
        }
    }

    /// <summary>
    /// Applies a change to a case read earlier: the case row (ETag-checked) plus new events, intents and attachment rows.
    /// Someone else's change in between throws <see cref="StorageConcurrencyException"/>-style failure, and nothing is written.
    /// </summary>
    public async Task<string> ApplyAsync(StoredCase current, SupportCase updated, IReadOnlyList<CaseEvent> events, IReadOnlyList<NotificationIntent>? intents = null, IReadOnlyList<CaseAttachment>? attachments = null, string? receipt = null, IReadOnlyList<Domain.Sla.SlaOutcome>? outcomes = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(updated);
        var actions = new List<TableTransactionAction> { TableOperations.Update(CaseEntities.ToEntity(updated), current.ETag) };
        actions.AddRange(events.Select(e => new TableTransactionAction(TableTransactionActionType.Add, CaseEntities.ToEntity(e))));
        actions.AddRange((intents ?? []).Select(i => new TableTransactionAction(TableTransactionActionType.Add, CaseEntities.ToEntity(i))));
        actions.AddRange((attachments ?? []).Select(a => new TableTransactionAction(TableTransactionActionType.UpsertReplace, CaseEntities.ToEntity(updated.Number, a))));
        actions.AddRange((outcomes ?? []).Select(o => new TableTransactionAction(TableTransactionActionType.UpsertReplace, CaseEntities.ToEntity(updated.Number, o))));
        actions.AddRange(ProjectionMarkers(current.Case, updated));
        if (receipt is not null)
        {
            // Added (not upserted) in the same transaction: a second delivery of the same inbound item cannot apply twice.
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(updated.Number, ReceiptRow(receipt)) { ["DataClass"] = Domain.Retention.DataClasses.AuditEvents }));
        }

        var etags = await SubmitCaseChangeAsync(updated.Number, actions, cancellationToken);
        return etags[0] ?? string.Empty;
    }

    /// <summary>A transaction that includes the ETag-checked case row: a stale read (412) or a receipt already there (409) is a concurrency failure.</summary>
    private async Task<IReadOnlyList<string?>> SubmitCaseChangeAsync(string number, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            return await Table.SubmitAsync(actions, cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 412 || (ex.Status == 409 && ex.ErrorCode == "EntityAlreadyExists"))
        {
            throw new StorageConcurrencyException(ex.ErrorCode, $"Case {number} changed since it was read; read it again and retry.", ex);
        }
    }

    /// <summary>Whether an inbound item (a mail, a call event) was already applied to the case.</summary>
    public async Task<bool> HasReceiptAsync(string number, string receipt, CancellationToken cancellationToken) =>
        await Table.FindAsync(number, ReceiptRow(receipt), ["PartitionKey"], cancellationToken) is not null;

    private static string ReceiptRow(string receipt) => "rcv|" + IdempotencyRepository.Hash(receipt);

    public async Task<StoredCase?> GetAsync(string number, CancellationToken cancellationToken)
    {
        var entity = await Table.FindAsync(number, CaseEntities.CaseRow, cancellationToken: cancellationToken);
        return entity is null ? null : new StoredCase(CaseEntities.ToCase(entity), entity.ETag.ToString());
    }

    public async Task<IReadOnlyList<CaseEvent>> GetEventsAsync(string number, CancellationToken cancellationToken) =>
        await Table.QueryEntitiesAsync(TableFilter.PartitionKeyEquals(number).And(TableFilter.StartsWith("RowKey", CaseEntities.EventPrefix)), cancellationToken: cancellationToken)
            .Select(CaseEntities.ToEvent)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<NotificationIntent>> GetIntentsAsync(string number, CancellationToken cancellationToken) =>
        await Table.QueryEntitiesAsync(TableFilter.PartitionKeyEquals(number).And(TableFilter.StartsWith("RowKey", CaseEntities.IntentPrefix)), cancellationToken: cancellationToken)
            .Select(CaseEntities.ToIntent)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<CaseAttachment>> GetAttachmentsAsync(string number, CancellationToken cancellationToken) =>
        await Table.QueryEntitiesAsync(TableFilter.PartitionKeyEquals(number).And(TableFilter.StartsWith("RowKey", CaseEntities.AttachmentPrefix)), cancellationToken: cancellationToken)
            .Select(CaseEntities.ToAttachment)
            .OrderBy(a => a.AddedAt)
            .ToListAsync(cancellationToken);

    public async Task<CaseAttachment?> GetAttachmentAsync(string number, string attachmentId, CancellationToken cancellationToken)
    {
        var entity = await Table.FindAsync(number, CaseEntities.AttachmentPrefix + attachmentId, cancellationToken: cancellationToken);
        return entity is null ? null : CaseEntities.ToAttachment(entity);
    }

    /// <summary>
    /// One page of closed cases whose closing is at or before <paramref name="closedBefore"/>: number, account, and
    /// whether retention already anonymised it. A filtered scan of the case rows.
    /// </summary>
    public async Task<(IReadOnlyList<(string Number, string? AccountId, DateTimeOffset ClosedAt, bool Anonymised)> Items, string? ContinuationToken)> PageClosedBeforeAsync(DateTimeOffset closedBefore, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var filter = TableFilter.RowKeyEquals(CaseEntities.CaseRow)
            .And(TableFilter.Equal("Status", nameof(CaseStatus.Closed)))
            .And(TableFilter.LessThanOrEqual("ClosedAt", closedBefore));
        await foreach (var page in Table.QueryPagesAsync(filter, ["AccountId", "ClosedAt", "AnonymisedAt"], pageSize, continuationToken, cancellationToken))
        {
            return (page.Values.Select(e => (e.PartitionKey, (string?)e.GetString("AccountId"), e.GetDateTimeOffset("ClosedAt") ?? closedBefore, e.GetDateTimeOffset("AnonymisedAt") is not null)).ToList(), page.ContinuationToken);
        }

        return ([], null);
    }

    /// <summary>
    /// Writes an anonymised case: changed events and attachment rows first (each rewrite is idempotent), the case row
    /// last and ETag-checked, so a crash in between leaves a case that the next run scrubs again from the start.
    /// </summary>
    public async Task ApplyScrubAsync(StoredCase current, Domain.Retention.ScrubbedCase scrubbed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(scrubbed);
        var rows = scrubbed.ChangedEvents.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, CaseEntities.ToEntity(e)))
            .Concat(scrubbed.ChangedAttachments.Select(a => new TableTransactionAction(TableTransactionActionType.UpsertReplace, CaseEntities.ToEntity(current.Case.Number, a))))
            .ToList();
        // The last transaction also carries the case row and up to two projection markers.
        const int chunk = TableOperations.MaxTransactionActions - 3;
        var last = rows.Count % chunk;
        var head = rows.Count - last;
        for (var i = 0; i < head; i += chunk)
        {
            await Table.SubmitAsync(rows.GetRange(i, chunk), cancellationToken);
        }

        var final = rows.GetRange(head, last);
        final.Add(TableOperations.Update(CaseEntities.ToEntity(scrubbed.Case), current.ETag));
        final.AddRange(ProjectionMarkers(current.Case, scrubbed.Case));
        await SubmitCaseChangeAsync(current.Case.Number, final, cancellationToken);
    }

    /// <summary>
    /// The case's pending-projection markers, one per team whose queue partition the change affects (the team before
    /// and after). They are written in the change's own transaction, so a change whose queue and report rows were not
    /// yet written (a crash right after the commit) stays marked until <see cref="ClearProjectionMarkersAsync"/>.
    /// </summary>
    private static IEnumerable<TableTransactionAction> ProjectionMarkers(SupportCase before, SupportCase after) =>
        new[] { before.Team, after.Team }.Distinct(StringComparer.Ordinal).Select(team => new TableTransactionAction(
            TableTransactionActionType.UpsertReplace,
            new TableEntity(after.Number, CaseEntities.MarkerPrefix + team) { ["At"] = after.UpdatedAt, ["Version"] = after.Version, ["DataClass"] = "caseIndex" }));

    /// <summary>What the queue and report rows of a case are made from, in one read of its partition: the case, its pending markers, its clock outcomes.</summary>
    public async Task<ProjectionSource> GetProjectionSourceAsync(string number, CancellationToken cancellationToken)
    {
        var rows = TableFilter.RowKeyEquals(CaseEntities.CaseRow)
            .Or(TableFilter.GreaterThanOrEqual("RowKey", CaseEntities.MarkerPrefix).And(TableFilter.LessThan("RowKey", CaseEntities.MarkerEnd)))
            .Or(TableFilter.GreaterThanOrEqual("RowKey", CaseEntities.OutcomePrefix).And(TableFilter.LessThan("RowKey", CaseEntities.OutcomeEnd)));
        StoredCase? stored = null;
        var markers = new List<ProjectionMarker>();
        var outcomes = new List<Domain.Sla.SlaOutcome>();
        await foreach (var entity in Table.QueryEntitiesAsync(TableFilter.PartitionKeyEquals(number).And(rows), cancellationToken: cancellationToken))
        {
            if (entity.RowKey == CaseEntities.CaseRow)
            {
                stored = new StoredCase(CaseEntities.ToCase(entity), entity.ETag.ToString());
            }
            else if (entity.RowKey.StartsWith(CaseEntities.MarkerPrefix, StringComparison.Ordinal))
            {
                markers.Add(new ProjectionMarker(entity.RowKey[CaseEntities.MarkerPrefix.Length..], entity.ETag.ToString()));
            }
            else
            {
                outcomes.Add(CaseEntities.ToOutcome(entity));
            }
        }

        return new ProjectionSource(stored, markers, outcomes);
    }

    /// <summary>
    /// Removes the markers read with the source, each only if unchanged. False when another change marked the case again
    /// (or another projection removed them) since: what was projected may be stale, and the caller projects once more.
    /// </summary>
    public async Task<bool> ClearProjectionMarkersAsync(string number, IReadOnlyList<ProjectionMarker> markers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(markers);
        try
        {
            await Table.SubmitAsync(markers.Select(m => TableOperations.Delete(number, CaseEntities.MarkerPrefix + m.Team, m.ETag)).ToList(), cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>The case row's current ETag; null when there is no such case.</summary>
    public async Task<string?> GetETagAsync(string number, CancellationToken cancellationToken) =>
        (await Table.FindAsync(number, CaseEntities.CaseRow, ["PartitionKey"], cancellationToken))?.ETag.ToString();

    /// <summary>Case numbers with a projection marker written before <paramref name="before"/>: changes whose queue and report rows may be missing. A filtered scan of marker rows.</summary>
    public async IAsyncEnumerable<string> FindMarkedBeforeAsync(DateTimeOffset before, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableFilter.GreaterThanOrEqual("RowKey", CaseEntities.MarkerPrefix).And(TableFilter.LessThan("RowKey", CaseEntities.MarkerEnd))
            .And(TableFilter.LessThan("At", before));
        string? last = null;
        await foreach (var entity in Table.QueryEntitiesAsync(filter, ["At"], cancellationToken))
        {
            if (entity.PartitionKey != last)
            {
                last = entity.PartitionKey;
                yield return entity.PartitionKey;
            }
        }
    }

    /// <summary>Every case number, page by page (a scan of the case rows, keys only): for rebuilding what is derived from cases.</summary>
    public async IAsyncEnumerable<string> ListNumbersAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in Table.QueryEntitiesAsync(TableFilter.RowKeyEquals(CaseEntities.CaseRow), ["PartitionKey"], cancellationToken))
        {
            yield return entity.PartitionKey;
        }
    }
}
