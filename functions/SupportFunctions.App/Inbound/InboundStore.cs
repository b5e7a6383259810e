using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using SupportFunctions.App.Queues;
using SupportFunctions.App.Retention;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Storage.Blobs;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Inbound;

/// <summary>
/// Stores an inbound request whole in Blob storage and queues it for processing — both before the sender gets its
/// 2xx — and reads it back for the processor. A failure here means "not stored": the endpoint answers 503 so the
/// sender retries.
/// </summary>
public sealed class InboundStore(StorageLayout layout, QueueSender queues, SupportPolicy policy, TimeProvider time)
{
    private BlobContainerClient Container => layout.Container(StorageLayout.InboundContainer);

    public async Task<InboundItem> StoreAsync(string channel, ReadOnlyMemory<byte> body, string contentType, Func<InboundItem, InboundItem>? withFacts, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var id = now.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..12];
        var blob = $"{channel}/{now:yyyy/MM/dd}/{id}";
        var item = new InboundItem(id, channel, blob, contentType, now);
        item = withFacts?.Invoke(item) ?? item;
        using (var content = new MemoryStream(body.ToArray(), writable: false))
        {
            await Container.UploadAsync(blob, content, contentType, RetentionMetadata.For(policy, InboundChannels.DataClassOf(channel), now, item.CaseNumber), overwrite: false, cancellationToken);
        }

        try
        {
            await queues.SendAsync(StorageLayout.InboundQueue, QueueMessageJson.Write(item), null, cancellationToken);
        }
        catch (RequestFailedException)
        {
            // Not queued means not accepted: the sender will retry, so drop the copy nobody would process.
            await DeleteQuietlyAsync(blob);
            throw;
        }
        catch (HttpRequestException)
        {
            await DeleteQuietlyAsync(blob);
            throw;
        }

        return item;
    }

    public static InboundItem Parse(string text) =>
        QueueMessageJson.Read<InboundItem>(text, m => m is { Id: { Length: > 0 }, Channel: { Length: > 0 }, Blob: { Length: > 0 } }, "an inbound item");

    public async Task<byte[]> LoadAsync(InboundItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        using var download = await Container.DownloadOrNullAsync(item.Blob, cancellationToken)
            ?? throw new InvalidOperationException($"Inbound item {item.Id} has no stored request at {item.Blob}.");
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    private async Task DeleteQuietlyAsync(string blob)
    {
        try
        {
            await Container.DeleteIfExistsAsync(blob, CancellationToken.None);
        }
        catch (RequestFailedException)
        {
            // Storage is failing anyway; retention removes the stray copy later.
        }
        catch (HttpRequestException)
        {
        }
    }
}
