using Azure.Storage.Blobs;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.Storage.Blobs;

/// <summary>
/// The local outbox: each rendered mail as one JSON blob, written once under a name that starts with its creation time,
/// tagged with its data class and case number. Listing is chronological because the names are.
/// </summary>
public sealed class OutboxMailStore(StorageLayout layout)
{
    public const string DataClass = "outboundEmail";

    private BlobContainerClient Container => layout.Container(StorageLayout.OutboxContainer);

    /// <summary>Stores the mail; an earlier attempt that stored it already is success (the write is create-only).</summary>
    public async Task StoreAsync(string name, ReadOnlyMemory<byte> json, string caseNumber, CancellationToken cancellationToken)
    {
        using var content = new MemoryStream(json.ToArray(), writable: false);
        try
        {
            await Container.UploadAsync(name, content, "application/json", new Dictionary<string, string> { ["dataclass"] = DataClass, ["casenumber"] = caseNumber }, overwrite: false, cancellationToken);
        }
        catch (StorageConflictException)
        {
            // Stored by an earlier attempt: the same mail, not a second one.
        }
    }

    public async Task<bool> ExistsAsync(string name, CancellationToken cancellationToken) =>
        await Container.GetPropertiesOrNullAsync(name, cancellationToken) is not null;

    /// <summary>Every stored mail's name, oldest first; only those of <paramref name="caseNumber"/> when given.</summary>
    public async Task<IReadOnlyList<string>> NamesAsync(string? caseNumber, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var blob in Container.ListAsync(cancellationToken: cancellationToken))
        {
            if (caseNumber is null || (blob.Metadata.TryGetValue("casenumber", out var number) && string.Equals(number, caseNumber, StringComparison.OrdinalIgnoreCase)))
            {
                names.Add(blob.Name);
            }
        }

        return names;
    }

    /// <summary>The stored JSON; null when there is no such mail.</summary>
    public Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken) => Container.ReadAllBytesOrNullAsync(name, cancellationToken);
}
