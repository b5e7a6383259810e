namespace SupportFunctions.App.Partners;

/// <summary>Register a partner organisation (administrators).</summary>
public sealed record PartnerRequest(string? Id, string Name);
