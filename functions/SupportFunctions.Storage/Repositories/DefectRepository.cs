using Azure.Data.Tables;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.Storage.Repositories;

/// <summary>
/// Which cases were closed against a defect. A link is written before the case is closed, so no closed case is ever
/// missing from its defect; a link whose case was not closed against it (a crash in between) is skipped when read.
/// </summary>
public sealed class DefectRepository(StorageLayout layout)
{
    private TableClient Table => layout.Table(StorageLayout.DefectsTable);

    public Task LinkAsync(string defectId, string caseNumber, DateTimeOffset at, CancellationToken cancellationToken) =>
        Table.UpsertAsync(new TableEntity(Key(defectId), caseNumber) { ["DefectId"] = defectId, ["LinkedAt"] = at, ["DataClass"] = "defectLink" }, cancellationToken: cancellationToken);

    public IAsyncEnumerable<string> CasesAsync(string defectId, CancellationToken cancellationToken) =>
        Table.QueryEntitiesAsync(TableFilter.PartitionKeyEquals(Key(defectId)), ["RowKey"], cancellationToken).Select(e => e.RowKey);

    /// <summary>Defect ids come from other systems; hashing keeps any of them a valid partition key.</summary>
    private static string Key(string defectId) => IdempotencyRepository.Hash(defectId.Trim().ToUpperInvariant());
}
