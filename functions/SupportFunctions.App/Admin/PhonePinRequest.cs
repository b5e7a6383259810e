namespace SupportFunctions.App.Admin;

/// <summary>Sets an account's phone PIN.</summary>
public sealed record PhonePinRequest(string? Pin);
