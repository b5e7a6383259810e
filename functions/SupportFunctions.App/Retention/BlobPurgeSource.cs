using System.Globalization;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Domain.Retention;
using SupportFunctions.Storage.Blobs;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Retention;

/// <summary>
/// A container whose blobs carry retention metadata, written by us. A blob without it, or under
/// <paramref name="untrustedPrefix"/> (where clients write through upload URLs, with whatever metadata they send),
/// takes the container's class and expires that long after it was last written.
/// </summary>
public sealed class BlobPurgeSource(string name, RetainedBlobs blobs, string fallbackClass, bool namesHoldFileNames, SupportPolicy policy, string? untrustedPrefix = null) : IPurgeSource
{
    public string Name => name;

    public async Task<PurgePage> ReadAsync(string? continuation, PurgeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (page, next) = await blobs.ReadPageAsync(context.Options.PageSize, continuation, cancellationToken);
        return await context.PageAsync(
            page,
            blob =>
            {
                var (dataClass, expires) = RetentionOf(blob, context.Now);
                return new PurgeCandidate(dataClass, expires, blob.Metadata.TryGetValue(RetentionMetadata.CaseNumber, out var caseNumber) ? caseNumber : null, null, blob.Name, null, ProofId(blob.Name));
            },
            next,
            cancellationToken);
    }

    public Task ExecuteAsync(IReadOnlyList<PurgeTarget> targets, PurgeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(targets);
        return blobs.DeleteAsync(targets.Select(t => t.Key).ToList(), context.Options.BatchDeletes ? context.Options.Parallelism : 1, cancellationToken);
    }

    /// <summary>From its metadata; a class without an expiry is kept; no metadata (or not ours to trust): the container's class, from the last write.</summary>
    private (string DataClass, DateTimeOffset? ExpiresAt) RetentionOf(RetainedBlob blob, DateTimeOffset now)
    {
        if (!blob.Metadata.TryGetValue(RetentionMetadata.DataClass, out var dataClass)
            || (untrustedPrefix is not null && blob.Name.StartsWith(untrustedPrefix, StringComparison.Ordinal)))
        {
            return (fallbackClass, policy.ExpiresAt(fallbackClass, blob.LastModified ?? now));
        }

        return blob.Metadata.TryGetValue(RetentionMetadata.ExpiresAt, out var text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expires)
            ? (dataClass, expires)
            : (dataClass, null);
    }

    /// <summary>The blob's path, its last segment (a customer's file name) replaced by a digest where names hold file names.</summary>
    private string ProofId(string blobName)
    {
        if (!namesHoldFileNames)
        {
            return $"{name}/{blobName}";
        }

        var slash = blobName.LastIndexOf('/');
        var digest = IdempotencyRepository.Hash(blobName[(slash + 1)..])[..12];
        return $"{name}/{blobName[..(slash + 1)]}#{digest}";
    }
}
