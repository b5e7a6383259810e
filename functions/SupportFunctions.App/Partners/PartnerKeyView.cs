namespace SupportFunctions.App.Partners;

/// <summary>One of a partner's API keys, never its secret.</summary>
public sealed record PartnerKeyView(string KeyId, string? Label, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, bool Active);
