namespace SupportFunctions.App.Admin;

/// <summary>Issue an API key for a contact (give accountId), an agent, an administrator, or a partner.</summary>
public sealed record KeyRequest(string PrincipalKind, string PrincipalId, string? AccountId, string? Label, DateTimeOffset? ExpiresAt);
