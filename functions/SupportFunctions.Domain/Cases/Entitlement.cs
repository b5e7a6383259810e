using SupportFunctions.Domain.Directory;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.Domain.Cases;

/// <summary>Whether a requester may open a case of a category under the policy, and if not, why — in words the requester can act on.</summary>
public static class Entitlement
{
    public static string? Refusal(SupportPolicy policy, CaseCategory category, Requester requester)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(requester);
        var rule = category.Entitlement ?? policy.DefaultEntitlement;
        if (!requester.Authenticated)
        {
            // What this requester may open before signing in: the contract of the account their address belongs to counts.
            var open = policy.Categories
                .Where(c => (c.Entitlement ?? policy.DefaultEntitlement) is { AllowAnonymous: true } r && r.ContractStatuses.Contains(requester.ContractStatus))
                .Select(c => c.Id).ToList();
            if (!rule.AllowAnonymous)
            {
                return $"Requesters who are not signed in may only open: {(open.Count == 0 ? "nothing (sign in first)" : string.Join(", ", open))}.";
            }

            if (!rule.ContractStatuses.Contains(requester.ContractStatus))
            {
                // The same words whether or not the address belongs to an account.
                return $"Before signing in, \"{category.Id}\" is for contacts of accounts with a {string.Join(" or ", rule.ContractStatuses.Select(PolicyJson.EnumValue))} contract, by their registered address; sign in, or open: {(open.Count == 0 ? "nothing" : string.Join(", ", open))}.";
            }

            return null;
        }

        if (!rule.ContractStatuses.Contains(requester.ContractStatus))
        {
            var general = policy.Categories.Where(c => (c.Entitlement ?? policy.DefaultEntitlement).ContractStatuses.Contains(requester.ContractStatus)).Select(c => c.Id).ToList();
            return $"Your account's contract status is {PolicyJson.EnumValue(requester.ContractStatus)}; \"{category.Id}\" needs {string.Join(" or ", rule.ContractStatuses.Select(PolicyJson.EnumValue))}."
                + (general.Count > 0 ? $" You may open: {string.Join(", ", general)}." : string.Empty);
        }

        if (rule.DesignatedContactsOnly && !requester.Contact!.Designated)
        {
            return "Only designated contacts of your organisation may open cases; ask one of them to submit it.";
        }

        if (rule.Roles.Count > 0)
        {
            var baseRoles = requester.Account!.BaseRolesOf(requester.Contact!.Roles);
            if (!baseRoles.Any(r => rule.Roles.Contains(r, StringComparer.OrdinalIgnoreCase)))
            {
                return $"Only users with the {string.Join(" or ", rule.Roles)} role (default or custom) may open \"{category.Id}\" cases.";
            }
        }

        return null;
    }

    /// <summary>Whether a contact sees every case of their account (the "organization" view).</summary>
    public static bool SeesOrganization(SupportPolicy policy, Contact contact, CustomerAccount account)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(account);
        var rules = policy.CaseViews;
        if (rules.DesignatedContactsSeeOrganization && contact.Designated)
        {
            return true;
        }

        return rules.OrganizationViewRoles.Count == 0
            || account.BaseRolesOf(contact.Roles).Any(r => rules.OrganizationViewRoles.Contains(r, StringComparer.OrdinalIgnoreCase));
    }
}
