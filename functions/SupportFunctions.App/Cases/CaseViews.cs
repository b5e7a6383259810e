using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Cases;

/// <summary>
/// The read side of a case: the view a caller gets back, with its account (only when the case may show account data)
/// and its attachments. Every endpoint that answers with a case uses this; opening one is <see cref="CaseIntakeService"/>'s job.
/// </summary>
public sealed class CaseViews(SupportPolicy policy, DirectoryRepository directory, CaseRepository cases)
{
    public async Task<CaseView> ViewAsync(SupportCase c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(c);
        var account = c.AccountId is null || !c.MaySeeAccountData ? null : (await directory.GetAccountAsync(c.AccountId, cancellationToken))?.Account;
        return CaseView.From(c, policy, account, await cases.GetAttachmentsAsync(c.Number, cancellationToken));
    }
}
