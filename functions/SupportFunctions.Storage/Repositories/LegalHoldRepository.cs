using Azure.Data.Tables;
using SupportFunctions.Domain.Retention;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.Storage.Repositories;

/// <summary>Legal holds, one partition per scope (case, account). Few rows: a purge run reads them all once.</summary>
public sealed class LegalHoldRepository(StorageLayout layout)
{
    private TableClient Table => layout.Table(StorageLayout.HoldsTable);

    public Task PlaceAsync(LegalHold hold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hold);
        return Table.UpsertAsync(
            new TableEntity(hold.Scope, hold.Id) { ["Reason"] = hold.Reason, ["PlacedBy"] = hold.PlacedBy, ["PlacedAt"] = hold.PlacedAt, ["DataClass"] = "legalHold" },
            cancellationToken: cancellationToken);
    }

    /// <summary>Releases a hold; releasing one that is not there is success.</summary>
    public Task ReleaseAsync(string scope, string id, CancellationToken cancellationToken) => Table.DeleteAsync(scope, id, cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<LegalHold>> ListAsync(CancellationToken cancellationToken) =>
        await Table.QueryEntitiesAsync(cancellationToken: cancellationToken)
            .Select(e => new LegalHold(e.PartitionKey, e.RowKey, e.GetString("Reason") ?? string.Empty, e.GetString("PlacedBy") ?? string.Empty, e.GetDateTimeOffset("PlacedAt") ?? DateTimeOffset.MinValue))
            .ToListAsync(cancellationToken);

    public async Task<LegalHolds> LoadAsync(CancellationToken cancellationToken)
    {
        var holds = await ListAsync(cancellationToken);
        return new LegalHolds(
            holds.Where(h => h.Scope == LegalHold.CaseScope).Select(h => h.Id).ToHashSet(StringComparer.Ordinal),
            holds.Where(h => h.Scope == LegalHold.AccountScope).Select(h => h.Id).ToHashSet(StringComparer.Ordinal));
    }
}
