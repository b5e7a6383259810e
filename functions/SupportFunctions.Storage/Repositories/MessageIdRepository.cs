using Azure.Data.Tables;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.Storage.Repositories;

/// <summary>
/// Message-IDs of mail we sent or received for a case, so a reply's In-Reply-To/References find the case. Ids are
/// hashed into keys (they may hold characters row keys cannot).
/// </summary>
public sealed class MessageIdRepository(StorageLayout layout)
{
    private const string Row = "case";

    private TableClient Table => layout.Table(StorageLayout.MessageIdsTable);

    public Task RecordAsync(string messageId, string caseNumber, CancellationToken cancellationToken) =>
        Table.UpsertAsync(new TableEntity(IdempotencyRepository.Hash(messageId), Row) { ["CaseNumber"] = caseNumber, ["DataClass"] = "messageIds" }, cancellationToken: cancellationToken);

    /// <summary>The case of the first id that is known, trying them in order (In-Reply-To before References).</summary>
    public async Task<string?> FindCaseAsync(IEnumerable<string> messageIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        foreach (var id in messageIds.Take(20))
        {
            var entity = await Table.FindAsync(IdempotencyRepository.Hash(id), Row, cancellationToken: cancellationToken);
            if (entity?.GetString("CaseNumber") is { } number)
            {
                return number;
            }
        }

        return null;
    }
}
