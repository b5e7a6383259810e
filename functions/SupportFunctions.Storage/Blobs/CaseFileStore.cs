using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.Storage.Blobs;

/// <summary>A stored file being read: its length as stored and its bytes. Dispose it to release the download.</summary>
public sealed class CaseFileDownload(BlobDownloadStreamingResult download) : IDisposable
{
    public long Length => download.Details.ContentLength;

    public Stream Content => download.Content;

    public void Dispose() => download.Dispose();
}

/// <summary>
/// The files of cases and staged uploads (the <c>files</c> container): written by the service, read back, deleted, and
/// the short-lived create-and-write URLs customers upload large files through.
/// </summary>
public sealed class CaseFileStore(StorageLayout layout, BlobUrlSigner signer)
{
    private BlobContainerClient Files => layout.Container(StorageLayout.FilesContainer);

    /// <summary>Writes a file; without <paramref name="overwrite"/> a name already taken is a <see cref="StorageConflictException"/>.</summary>
    public Task StoreAsync(string name, Stream content, string contentType, IReadOnlyDictionary<string, string> metadata, bool overwrite, CancellationToken cancellationToken) =>
        Files.UploadAsync(name, content, contentType, metadata, overwrite, cancellationToken);

    /// <summary>The stored size; null when there is no such file.</summary>
    public async Task<long?> SizeAsync(string name, CancellationToken cancellationToken) =>
        (await Files.GetPropertiesOrNullAsync(name, cancellationToken))?.ContentLength;

    /// <summary>Opens a file for reading; null when there is no such file.</summary>
    public async Task<CaseFileDownload?> OpenAsync(string name, CancellationToken cancellationToken) =>
        await Files.DownloadOrNullAsync(name, cancellationToken) is { } download ? new CaseFileDownload(download) : null;

    /// <summary>Deletes a file; one already gone is success.</summary>
    public Task DeleteAsync(string name, CancellationToken cancellationToken) => Files.DeleteIfExistsAsync(name, cancellationToken);

    /// <summary>A URL that can create and write <paramref name="name"/> until <paramref name="expiresOn"/>, and do nothing else.</summary>
    public Task<Uri> UploadUrlAsync(string name, DateTimeOffset expiresOn, CancellationToken cancellationToken) =>
        signer.SignAsync(Files, name, BlobSasPermissions.Create | BlobSasPermissions.Write, expiresOn, cancellationToken);
}
