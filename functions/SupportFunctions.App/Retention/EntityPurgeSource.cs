using SupportFunctions.Domain.Retention;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.App.Retention;

/// <summary>A table whose rows carry <c>ExpiresAt</c> (and <c>DataClass</c>, and <c>CaseNumber</c>/<c>AccountId</c> when they have one).</summary>
public sealed class EntityPurgeSource(string name, ExpiringRows rows) : IPurgeSource
{
    public string Name => name;

    public async Task<PurgePage> ReadAsync(string? continuation, PurgeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (page, next) = await rows.ReadPageAsync(context.Now, context.Options.PageSize, continuation, cancellationToken);
        return await context.PageAsync(
            page,
            row => new PurgeCandidate(row.DataClass ?? name, row.ExpiresAt, row.CaseNumber, row.AccountId, row.PartitionKey, row.RowKey, $"{name}/{row.PartitionKey}/{row.RowKey}"),
            next,
            cancellationToken);
    }

    public Task ExecuteAsync(IReadOnlyList<PurgeTarget> targets, PurgeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(context);
        return rows.DeleteAsync(targets.Select(t => (t.Key, t.Row!)).ToList(), context.Options.BatchDeletes, context.Options.Parallelism, cancellationToken);
    }
}
