namespace SupportFunctions.Domain.Policies;

/// <summary>Who, besides requester and CCs, sees the organization's cases.</summary>
public sealed record CaseViewRules
{
    /// <summary>Base roles that see every case of their account; empty: every contact of the account.</summary>
    public IReadOnlyList<string> OrganizationViewRoles { get; init; } = ["Administrator"];

    public bool DesignatedContactsSeeOrganization { get; init; } = true;
}
