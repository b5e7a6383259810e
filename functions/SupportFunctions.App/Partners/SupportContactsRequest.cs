using SupportFunctions.Domain.Directory;

namespace SupportFunctions.App.Partners;

/// <summary>The whole list of an account's support contacts, replacing the current one.</summary>
public sealed record SupportContactsRequest(IReadOnlyList<SupportContact>? SupportContacts);
