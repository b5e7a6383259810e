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
