using SupportFunctions.App.Security;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Directory;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Cases;

/// <summary>
/// Who may see a case: staff see every case; a contact sees cases of their own account that they requested, are CC on,
/// or (when the policy lets them see their organisation) any. Everything else is "not found", never "forbidden", so
/// case numbers of other customers do not leak.
/// </summary>
public sealed class CaseAccess(SupportPolicy policy, DirectoryRepository directory, CaseRepository cases)
{
    public async Task<bool> CanSeeAsync(Caller caller, SupportCase c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(c);
        if (caller.IsStaff)
        {
            return true;
        }

        if (caller.Kind != PrincipalKind.Contact || caller.AccountId is null || c.AccountId != caller.AccountId)
        {
            return false;
        }

        if (c.RequesterContactId == caller.Id)
        {
            return true;
        }

        var found = await ContactAsync(caller, cancellationToken);
        if (found is null)
        {
            return false;
        }

        var (contact, account) = found.Value;
        return c.Cc.Contains(contact.Email, StringComparer.OrdinalIgnoreCase) || Entitlement.SeesOrganization(policy, contact, account);
    }

    /// <summary>The case with this number (any case, upper-cased) if the caller may see it; null otherwise, including malformed numbers.</summary>
    public async Task<StoredCase?> FindVisibleAsync(Caller caller, string number, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(number) || number.Length > 40 || number.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-'))
        {
            return null;
        }

        var stored = await cases.GetAsync(number.ToUpperInvariant(), cancellationToken);
        return stored is not null && await CanSeeAsync(caller, stored.Case, cancellationToken) ? stored : null;
    }

    public async Task<(Contact Contact, CustomerAccount Account)?> ContactAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.AccountId is null)
        {
            return null;
        }

        var contactRead = directory.GetContactAsync(caller.AccountId, caller.Id, cancellationToken);
        var accountRead = directory.GetAccountAsync(caller.AccountId, cancellationToken);
        var (contact, account) = (await contactRead, await accountRead);
        return contact is null || account is null ? null : (contact.Value.Contact, account.Value.Account);
    }
}
