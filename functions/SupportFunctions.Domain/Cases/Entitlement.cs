using SupportFunctions.Domain.Directory;
using SupportFunctions.Domain.Notifications;
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
        var language = requester.LanguageUnder(policy);
        string Contracts(IEnumerable<ContractStatus> statuses) => CustomerTexts.Alternatives(language, statuses.Select(c => CustomerTexts.Text("contract." + PolicyJson.EnumValue(c), language)));
        if (!requester.Authenticated)
        {
            // What this requester may open before signing in: the contract of the account their address belongs to counts.
            var open = policy.Categories
                .Where(c => (c.Entitlement ?? policy.DefaultEntitlement) is { AllowAnonymous: true } r && r.ContractStatuses.Contains(requester.ContractStatus))
                .Select(c => c.Id).ToList();
            var openList = open.Count == 0 ? CustomerTexts.Text("entitlement.nothing", language) : string.Join(", ", open);
            if (!rule.AllowAnonymous)
            {
                return CustomerTexts.Say(language, "entitlement.anonymous-only", ("list", openList));
            }

            if (!rule.ContractStatuses.Contains(requester.ContractStatus))
            {
                // The same words whether or not the address belongs to an account.
                return CustomerTexts.Say(language, "entitlement.anonymous-contract", ("category", category.Id), ("statuses", Contracts(rule.ContractStatuses)), ("list", openList));
            }

            return null;
        }

        if (!rule.ContractStatuses.Contains(requester.ContractStatus))
        {
            var general = policy.Categories.Where(c => (c.Entitlement ?? policy.DefaultEntitlement).ContractStatuses.Contains(requester.ContractStatus)).Select(c => c.Id).ToList();
            return CustomerTexts.Say(language, "entitlement.contract", ("state", CustomerTexts.Text("contract-state." + PolicyJson.EnumValue(requester.ContractStatus), language)), ("category", category.Id), ("statuses", Contracts(rule.ContractStatuses)))
                + (general.Count > 0 ? CustomerTexts.Say(language, "entitlement.you-may-open", ("list", string.Join(", ", general))) : string.Empty);
        }

        if (rule.DesignatedContactsOnly && !requester.Contact!.Designated)
        {
            return CustomerTexts.Text("entitlement.designated", language);
        }

        if (rule.Roles.Count > 0)
        {
            var baseRoles = requester.Account!.BaseRolesOf(requester.Contact!.Roles);
            if (!baseRoles.Any(r => rule.Roles.Contains(r, StringComparer.OrdinalIgnoreCase)))
            {
                return CustomerTexts.Say(language, "entitlement.roles", ("roles", CustomerTexts.Alternatives(language, rule.Roles)), ("category", category.Id));
            }
        }

        return null;
    }

    /// <summary>
    /// Whether what a requester who is not signed in may open depends on a contract (some category open to them is not
    /// open under every contract status): only then is the account behind their address worth looking up.
    /// </summary>
    public static bool AnonymousDependsOnContract(SupportPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Categories.Select(c => c.Entitlement ?? policy.DefaultEntitlement)
            .Any(r => r.AllowAnonymous && Enum.GetValues<ContractStatus>().Any(s => !r.ContractStatuses.Contains(s)));
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
