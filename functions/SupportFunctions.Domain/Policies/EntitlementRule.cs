using SupportFunctions.Domain.Directory;

namespace SupportFunctions.Domain.Policies;

/// <summary>Who may open a case: anonymous or not, contract status, roles (base roles, custom roles count as their base), designated contacts only.</summary>
public sealed record EntitlementRule
{
    public bool AllowAnonymous { get; init; }

    public IReadOnlyList<ContractStatus> ContractStatuses { get; init; } = [ContractStatus.Active];

    /// <summary>Base roles allowed; empty: any role.</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    public bool DesignatedContactsOnly { get; init; }
}
