using SupportFunctions.Domain.Directory;

namespace SupportFunctions.App.Partners;

/// <summary>A partner-created account with its support contacts resolved.</summary>
public sealed record PartnerAccountView(string Id, string Name, string TimeZone, string? Region, string Language, ContractStatus ContractStatus, string PartnerId, IReadOnlyList<SupportContactView> SupportContacts);
