using Azure;
using Azure.Storage.Blobs;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.Storage.Blobs;

/// <summary>
/// The whole copies of inbound requests (mail, call events) kept before their sender is answered: written once, read
/// back by the processor, and deleted only when the request was not accepted after all.
/// </summary>
public sealed class InboundCopyStore(StorageLayout layout)
{
    private BlobContainerClient Container => layout.Container(StorageLayout.InboundContainer);

    /// <summary>Writes the copy once; a name already taken is a <see cref="StorageConflictException"/>.</summary>
    public async Task StoreAsync(string name, ReadOnlyMemory<byte> body, string contentType, IReadOnlyDictionary<string, string> metadata, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(body.ToArray(), writable: false);
        await Container.UploadAsync(name, content, contentType, metadata, overwrite: false, cancellationToken);
    }

    /// <summary>The stored bytes; null when there is no such copy.</summary>
    public Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken) => Container.ReadAllBytesOrNullAsync(name, cancellationToken);

    /// <summary>
    /// Removes a copy nobody will process (its message could not be queued). Storage is failing at that moment anyway, so a
    /// failure here is left to retention, which removes the stray copy later.
    /// </summary>
    public async Task DeleteQuietlyAsync(string name)
    {
        try
        {
            await Container.DeleteIfExistsAsync(name, CancellationToken.None);
        }
        catch (RequestFailedException)
        {
        }
        catch (HttpRequestException)
        {
        }
    }
}
