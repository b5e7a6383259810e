namespace SupportFunctions.App.Admin;

/// <summary>Create (or, merged over the current values, update) a contact of an account.</summary>
public sealed record ContactRequest(
    string? Id,
    string Name,
    string Email,
    string? Phone,
    IReadOnlyList<string>? Roles,
    bool? Designated,
    bool? Registered,
    DateTimeOffset? CredentialsExpireAt,
    bool? SsoOnly,
    bool? BreakGlass,
    bool? MaySendNotifications,
    string? Language,
    string? TimeZone);
