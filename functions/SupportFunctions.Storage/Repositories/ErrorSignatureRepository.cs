using Azure.Data.Tables;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.Storage.Repositories;

/// <summary>Reports per account and error signature, to count repeats within a window. Recorded before the case is written.</summary>
public sealed class ErrorSignatureRepository(StorageLayout layout)
{
    private TableClient Table => layout.Table(StorageLayout.ErrorSignaturesTable);

    /// <summary>Records this report (idempotently, by case number) and returns how many reports fall within the window.</summary>
    public async Task<int> RecordAndCountAsync(string accountId, string signature, string caseNumber, DateTimeOffset at, TimeSpan window, CancellationToken cancellationToken)
    {
        var partition = IdempotencyRepository.Hash(accountId + "\n" + signature);
        await Table.UpsertAsync(new TableEntity(partition, caseNumber) { ["ReportedAt"] = at, ["DataClass"] = "errorSignature" }, cancellationToken: cancellationToken);
        return await Table.QueryEntitiesAsync(TableFilter.PartitionKeyEquals(partition).And(TableFilter.GreaterThanOrEqual("ReportedAt", at - window)), ["ReportedAt"], cancellationToken).CountAsync(cancellationToken);
    }
}
