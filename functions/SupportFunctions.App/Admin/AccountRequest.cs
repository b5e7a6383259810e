using SupportFunctions.Domain.Directory;

namespace SupportFunctions.App.Admin;

/// <summary>Create (or, merged over the current values, update) a customer account.</summary>
public sealed record AccountRequest(
    string? Id,
    string Name,
    string? TimeZone,
    string? Region,
    string? Language,
    ContractStatus? ContractStatus,
    IReadOnlyDictionary<string, string>? CustomRoles);
