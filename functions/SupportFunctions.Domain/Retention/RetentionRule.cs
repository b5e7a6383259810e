namespace SupportFunctions.Domain.Retention;

/// <summary>The one rule every purge applies: an item goes when its expiry has passed and no hold covers it.</summary>
public static class RetentionRule
{
    public static RetentionVerdict Judge(RetainedItem item, LegalHolds holds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(holds);
        if (item.ExpiresAt is not { } expires)
        {
            return RetentionVerdict.Kept;
        }

        if (expires > now)
        {
            return RetentionVerdict.Unexpired;
        }

        return holds.Covers(item.CaseNumber, item.AccountId) ? RetentionVerdict.Held : RetentionVerdict.Purge;
    }
}
