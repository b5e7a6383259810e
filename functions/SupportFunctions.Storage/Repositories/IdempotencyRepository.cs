using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.Storage.Repositories;

/// <summary>
/// Idempotency keys per caller: the first request with a key records its hash and reserved case number (create, and
/// on 409 read the winner's); a repeat with the same body gets the same case, with another body a conflict.
/// </summary>
public sealed class IdempotencyRepository(StorageLayout layout)
{
    private TableClient Table => layout.Table(StorageLayout.IdempotencyTable);

    public async Task<IdempotencyRecord?> GetAsync(string caller, string key, CancellationToken cancellationToken)
    {
        var entity = await Table.FindAsync(caller, Hash(key), cancellationToken: cancellationToken);
        return entity is null ? null : new IdempotencyRecord(entity.GetString("RequestHash")!, entity.GetString("CaseNumber")!, entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue);
    }

    /// <summary>Records the key; when another request recorded it first, returns that request's record instead.</summary>
    public async Task<IdempotencyRecord> RecordAsync(string caller, string key, IdempotencyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            await Table.InsertAsync(new TableEntity(caller, Hash(key)) { ["RequestHash"] = record.RequestHash, ["CaseNumber"] = record.CaseNumber, ["CreatedAt"] = record.CreatedAt, ["DataClass"] = "idempotency" }, cancellationToken);
            return record;
        }
        catch (StorageConflictException)
        {
            return await GetAsync(caller, key, cancellationToken) ?? record;
        }
    }

    /// <summary>Keys are hashed so any text is a valid row key and callers' keys are not stored as given.</summary>
    public static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
