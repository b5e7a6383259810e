using SupportFunctions.Domain.Directory;

namespace SupportFunctions.App.Partners;

/// <summary>A customer account a partner creates (or, merged over the current values, updates); support contacts are required on create.</summary>
public sealed record PartnerAccountRequest(
    string? Id,
    string Name,
    string? TimeZone,
    string? Region,
    string? Language,
    ContractStatus? ContractStatus,
    IReadOnlyList<SupportContact>? SupportContacts);
