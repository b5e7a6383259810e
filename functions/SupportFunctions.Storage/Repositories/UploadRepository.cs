using Azure.Data.Tables;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.Storage.Repositories;

/// <summary>Uploads staged by their owner before a case exists; the blob holds the bytes, this table what they are.</summary>
public sealed class UploadRepository(StorageLayout layout)
{
    private TableClient Table => layout.Table(StorageLayout.UploadsTable);

    public Task<string> CreateAsync(StagedUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        return Table.InsertAsync(
            new TableEntity(upload.Owner, upload.Id)
            {
                ["FileName"] = upload.FileName,
                ["ContentType"] = upload.ContentType,
                ["DeclaredSize"] = upload.DeclaredSize,
                ["Kind"] = upload.Kind,
                ["BlobName"] = upload.BlobName,
                ["CreatedAt"] = upload.CreatedAt,
                ["ExpiresAt"] = upload.ExpiresAt,
                ["DataClass"] = upload.DataClass,
            },
            cancellationToken);
    }

    public async Task<StagedUpload?> GetAsync(string owner, string id, CancellationToken cancellationToken)
    {
        var e = await Table.FindAsync(owner, id, cancellationToken: cancellationToken);
        return e is null
            ? null
            : new StagedUpload(owner, id, e.GetString("FileName")!, e.GetString("ContentType")!, e.GetInt64("DeclaredSize") ?? 0, e.GetString("Kind"), e.GetString("BlobName")!, e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue, e.GetDateTimeOffset("ExpiresAt"), e.GetString("DataClass") ?? Domain.Retention.DataClasses.UploadedDataFiles);
    }
}
