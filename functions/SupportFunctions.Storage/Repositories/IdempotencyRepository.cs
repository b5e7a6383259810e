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
        return entity is null ? null : ToRecord(entity);
    }

    /// <summary>Records the key; when another request recorded it first, returns that request's record instead.</summary>
    public async Task<IdempotencyRecord> RecordAsync(string caller, string key, IdempotencyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            await Table.InsertAsync(ToEntity(caller, key, record), cancellationToken);
            return record;
        }
        catch (StorageConflictException)
        {
            return await GetAsync(caller, key, cancellationToken) ?? record;
        }
    }

    /// <summary>
    /// Moves a key off a case number it was recorded with but that another request's case holds (storage lost writes and
    /// the number was issued twice): the key now names <paramref name="record"/>'s number. When another attempt of the
    /// same request moved it first, answers that attempt's record, so all attempts agree on one case.
    /// </summary>
    public async Task<IdempotencyRecord> RebindAsync(string caller, string key, string takenNumber, IdempotencyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        while (true)
        {
            var entity = await Table.FindAsync(caller, Hash(key), cancellationToken: cancellationToken);
            if (entity is null)
            {
                return await RecordAsync(caller, key, record, cancellationToken);
            }

            if (entity.GetString("CaseNumber") != takenNumber)
            {
                return ToRecord(entity);
            }

            try
            {
                await Table.UpdateAsync(ToEntity(caller, key, record), entity.ETag.ToString(), cancellationToken: cancellationToken);
                return record;
            }
            catch (StorageConcurrencyException)
            {
                // Another attempt moved it between our read and write: read theirs.
            }
        }
    }

    private static TableEntity ToEntity(string caller, string key, IdempotencyRecord record) =>
        new(caller, Hash(key)) { ["RequestHash"] = record.RequestHash, ["CaseNumber"] = record.CaseNumber, ["CreatedAt"] = record.CreatedAt, ["DataClass"] = "idempotency" };

    private static IdempotencyRecord ToRecord(TableEntity entity) =>
        new(entity.GetString("RequestHash")!, entity.GetString("CaseNumber")!, entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue);

    /// <summary>Keys are hashed so any text is a valid row key and callers' keys are not stored as given.</summary>
    public static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
