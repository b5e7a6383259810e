namespace SupportFunctions.Domain.Directory;

/// <summary>
/// Who receives a partner-created account's problem reports: a partner user (by id, so a changed address follows the
/// user) or an explicit email address. Exactly one of the two is set.
/// </summary>
public sealed record SupportContact
{
    public string? UserId { get; init; }

    public string? Email { get; init; }

    /// <summary>The stable key a contact is removed by: "user:{id}" or "email:{normalized address}".</summary>
    public string Key => UserId is not null ? $"user:{UserId}" : $"email:{EmailAddress.Normalize(Email ?? string.Empty)}";
}
