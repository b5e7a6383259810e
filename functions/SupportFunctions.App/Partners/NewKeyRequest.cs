namespace SupportFunctions.App.Partners;

/// <summary>An additional API key for the calling partner.</summary>
public sealed record NewKeyRequest(string? Label, DateTimeOffset? ExpiresAt);
