namespace SupportFunctions.App.Partners;

/// <summary>Add a user to a partner organisation.</summary>
public sealed record PartnerUserRequest(string? Id, string Name, string Email);
