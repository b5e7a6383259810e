using SupportFunctions.Domain.Directory;

namespace SupportFunctions.Domain.Policies;

/// <summary>Who may open a case: anonymous or not, contract status, roles (base roles, custom roles count as their base), designated contacts only.</summary>
public sealed record EntitlementRule
{
    /// <summary>
    /// Requesters who are not signed in may open it. <see cref="ContractStatuses"/> still applies to them: the contract of
    /// the account whose contact has the address they give, none for an unknown address.
    /// </summary>
    public bool AllowAnonymous { get; init; }

    public IReadOnlyList<ContractStatus> ContractStatuses { get; init; } = [ContractStatus.Active];

    /// <summary>Base roles allowed; empty: any role.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    public bool DesignatedContactsOnly { get; init; }
}
