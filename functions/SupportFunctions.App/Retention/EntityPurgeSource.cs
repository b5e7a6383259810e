using Azure.Data.Tables;
using SupportFunctions.Domain.Retention;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.App.Retention;

/// <summary>A table whose rows carry <c>ExpiresAt</c> (and <c>DataClass</c>, and <c>CaseNumber</c>/<c>AccountId</c> when they have one).</summary>
public sealed class EntityPurgeSource(string name, TableClient table) : IPurgeSource
{
    private static readonly string[] Columns = ["DataClass", "ExpiresAt", "CaseNumber", "AccountId"];

    public string Name => name;

    public async Task<PurgePage> ReadAsync(string? continuation, PurgeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var filter = TableFilter.LessThanOrEqual("ExpiresAt", context.Now);
        await foreach (var page in table.QueryPagesAsync(filter, Columns, Math.Min(context.Options.PageSize, 1000), continuation, cancellationToken))
        {
            var targets = new List<PurgeTarget>();
            var held = new List<string>();
            foreach (var e in page.Values)
            {
                var dataClass = e.GetString("DataClass") ?? name;
                switch (await context.JudgeAsync(dataClass, e.GetDateTimeOffset("ExpiresAt"), e.GetString("CaseNumber"), e.GetString("AccountId"), cancellationToken))
                {
                    case RetentionVerdict.Purge:
                        targets.Add(new PurgeTarget(e.PartitionKey, e.RowKey, dataClass, $"{name}/{e.PartitionKey}/{e.RowKey}"));
                        break;
                    case RetentionVerdict.Held:
                        held.Add(dataClass);
                        break;
                }
            }

            return new PurgePage(targets, held, page.ContinuationToken);
        }

        return new PurgePage([], [], null);
    }

    public async Task ExecuteAsync(IReadOnlyList<PurgeTarget> targets, PurgeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Options.BatchDeletes)
        {
            foreach (var target in targets)
            {
                await table.DeleteAsync(target.Key, target.Row!, cancellationToken: cancellationToken);
            }

            return;
        }

        // Entity group transactions: up to 100 deletes of one partition per request.
        var batches = targets.GroupBy(t => t.Key, StringComparer.Ordinal).SelectMany(partition => partition.Chunk(100)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, context.Options.Parallelism), CancellationToken = cancellationToken }, async (batch, token) =>
        {
            try
            {
                await table.SubmitAsync(batch.Select(t => TableOperations.Delete(t.Key, t.Row!)).ToList(), token);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                // A resumed page: some rows went before the crash, and one missing row fails the whole batch. Delete one by one, 404 is success.
                foreach (var target in batch)
                {
                    await table.DeleteAsync(target.Key, target.Row!, cancellationToken: token);
                }
            }
        });
    }
}
