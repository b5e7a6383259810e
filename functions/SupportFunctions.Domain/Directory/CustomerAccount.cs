namespace SupportFunctions.Domain.Directory;

/// <summary>A customer organisation: where it is (time zone, region), its language, its contract, and its custom roles.</summary>
public sealed record CustomerAccount
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>IANA time zone of the customer; business hours are counted in it.</summary>
    public string TimeZone { get; init; } = "UTC";

    public string? Region { get; init; }

    public string Language { get; init; } = "en";

    public ContractStatus ContractStatus { get; init; } = ContractStatus.Active;

    /// <summary>Custom role name → the base role it is built on (a custom Administrator role counts as Administrator).</summary>
    public IReadOnlyDictionary<string, string> CustomRoles { get; init; } = new Dictionary<string, string>();

    /// <summary>The partner that created the account and looks after it; null for the vendor's own customers.</summary>
    public string? PartnerId { get; init; }

    /// <summary>Who receives the account's problem reports when a partner looks after it.</summary>
    public IReadOnlyList<SupportContact> SupportContacts { get; init; } = [];

    /// <summary>The base roles a contact holds on this account.</summary>
    public IReadOnlyList<string> BaseRolesOf(IEnumerable<string> roles) =>
        roles.Select(r => CustomRoles.FirstOrDefault(c => string.Equals(c.Key, r, StringComparison.OrdinalIgnoreCase)).Value ?? r)
             .Distinct(StringComparer.OrdinalIgnoreCase)
             .ToList();
}
