using System.Globalization;
using Azure;
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
public sealed class InboundStore(InboundCopyStore copies, QueueSender queues, SupportPolicy policy, TimeProvider time)
{
    public async Task<InboundItem> StoreAsync(string channel, ReadOnlyMemory<byte> body, string contentType, Func<InboundItem, InboundItem>? withFacts, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var id = now.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..12];
        var blob = $"{channel}/{now:yyyy/MM/dd}/{id}";
        var item = new InboundItem(id, channel, blob, contentType, now);
        item = withFacts?.Invoke(item) ?? item;
        await copies.StoreAsync(blob, body, contentType, RetentionMetadata.For(policy, InboundChannels.DataClassOf(channel), now, item.CaseNumber), cancellationToken);

        try
        {
            await queues.SendAsync(StorageLayout.InboundQueue, QueueMessageJson.Write(item), null, cancellationToken);
        }
        catch (RequestFailedException)
        {
            // Not queued means not accepted: the sender will retry, so drop the copy nobody would process.
            await copies.DeleteQuietlyAsync(blob);
            throw;
        }
        catch (HttpRequestException)
        {
            await copies.DeleteQuietlyAsync(blob);
            throw;
        }

        return item;
    }

    public static InboundItem Parse(string text) =>
        QueueMessageJson.Read<InboundItem>(text, m => m is { Id: { Length: > 0 }, Channel: { Length: > 0 }, Blob: { Length: > 0 } }, "an inbound item");

    public async Task<byte[]> LoadAsync(InboundItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return await copies.ReadAsync(item.Blob, cancellationToken)
            ?? throw new InvalidOperationException($"Inbound item {item.Id} has no stored request at {item.Blob}.");
    }
}
