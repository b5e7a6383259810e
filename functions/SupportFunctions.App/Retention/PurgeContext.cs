using SupportFunctions.Domain.Retention;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Retention;

/// <summary>
/// What one slice of a run judges by: the time, the holds, and each case's account (an account hold covers files that
/// only name their case), looked up once per case.
/// </summary>
public sealed class PurgeContext(DateTimeOffset now, LegalHolds holds, CaseRepository cases, RetentionOptions options)
{
    private readonly Dictionary<string, string?> _accounts = new(StringComparer.Ordinal);

    public DateTimeOffset Now => now;

    public RetentionOptions Options => options;

    /// <summary>
    /// Judges every item of a source's page by the same rule (<see cref="JudgeAsync"/>): those to purge become its
    /// targets, those held are counted under their class.
    /// </summary>
    public async Task<PurgePage> PageAsync<T>(IEnumerable<T> items, Func<T, PurgeCandidate> candidateOf, string? continuation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(candidateOf);
        var targets = new List<PurgeTarget>();
        var held = new List<string>();
        foreach (var item in items)
        {
            var candidate = candidateOf(item);
            switch (await JudgeAsync(candidate.DataClass, candidate.ExpiresAt, candidate.CaseNumber, candidate.AccountId, cancellationToken))
            {
                case RetentionVerdict.Purge:
                    targets.Add(new PurgeTarget(candidate.Key, candidate.Row, candidate.DataClass, candidate.ProofId));
                    break;
                case RetentionVerdict.Held:
                    held.Add(candidate.DataClass);
                    break;
            }
        }

        return new PurgePage(targets, held, continuation);
    }

    public async Task<RetentionVerdict> JudgeAsync(string dataClass, DateTimeOffset? expiresAt, string? caseNumber, string? accountId, CancellationToken cancellationToken)
    {
        if (accountId is null && caseNumber is not null && holds.Accounts.Count > 0 && expiresAt is { } e && e <= now)
        {
            if (!_accounts.TryGetValue(caseNumber, out accountId))
            {
                accountId = (await cases.GetAsync(caseNumber, cancellationToken))?.Case.AccountId;
                _accounts[caseNumber] = accountId;
            }
        }

        return RetentionRule.Judge(new RetainedItem(dataClass, expiresAt, caseNumber, accountId), holds, now);
    }
}
