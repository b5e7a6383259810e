using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Domain.Retention;
using SupportFunctions.Storage;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Retention;

/// <summary>Closed cases past the policy's <c>closedCasePersonalData</c> window: their personal data is anonymised, the case stays.</summary>
public sealed class ClosedCasePurgeSource(CaseRepository cases, CaseIndexRepository index, SupportPolicy policy, ILogger logger) : IPurgeSource
{
    public string Name => "cases";

    public async Task<PurgePage> ReadAsync(string? continuation, PurgeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (policy.WindowOf(DataClasses.ClosedCasePersonalData) is not { } window)
        {
            return new PurgePage([], [], null);
        }

        var (items, next) = await cases.PageClosedBeforeAsync(context.Now - window, continuation, Math.Min(context.Options.PageSize, 1000), cancellationToken);
        // The query narrows the scan; the verdict is the same rule as for every item: expiry from the policy, then holds.
        return await context.PageAsync(
            items.Where(i => !i.Anonymised),
            i => new PurgeCandidate(DataClasses.ClosedCasePersonalData, policy.ExpiresAt(DataClasses.ClosedCasePersonalData, i.ClosedAt), i.Number, i.AccountId, i.Number, null, "cases/" + i.Number),
            next,
            cancellationToken);
    }

    public Task ExecuteAsync(IReadOnlyList<PurgeTarget> targets, PurgeContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Parallel.ForEachAsync(targets, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Math.Min(4, context.Options.Parallelism)), CancellationToken = cancellationToken }, async (target, token) =>
        {
            var stored = await cases.GetAsync(target.Key, token);
            if (stored is null || stored.Case.AnonymisedAt is not null || stored.Case.Status != CaseStatus.Closed)
            {
                return;
            }

            var scrubbed = PersonalDataScrubber.Scrub(stored.Case, await cases.GetEventsAsync(target.Key, token), await cases.GetAttachmentsAsync(target.Key, token), context.Now);

            // CC lists first: once the case row says "anonymised" nothing would come back for them.
            await index.RemoveCcEntriesAsync(stored.Case, token);
            try
            {
                await cases.ApplyScrubAsync(stored, scrubbed, token);
            }
            catch (StorageConcurrencyException)
            {
                // Changed (reopened?) while we read it: the next run judges it again.
                Logs.AnonymiseSkipped(logger, target.Key);
            }
        });
    }
}
