namespace SupportFunctions.Domain.Directory;

/// <summary>A person at a customer account who may deal with support.</summary>
public sealed record Contact
{
    public required string Id { get; init; }

    public required string AccountId { get; init; }

    public required string Name { get; init; }

    public required string Email { get; init; }

    /// <summary>E.164, e.g. +14155550123.</summary>
    public string? Phone { get; init; }

    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>Designated contacts are the ones a policy may reserve support for.</summary>
    public bool Designated { get; init; }

    /// <summary>Registered in the vendor's product (a valid user), for acting on the customer's behalf.</summary>
    public bool Registered { get; init; } = true;

    public DateTimeOffset? CredentialsExpireAt { get; init; }

    public bool SsoOnly { get; init; }

    public bool BreakGlass { get; init; }

    public bool MaySendNotifications { get; init; }

    /// <summary>Overrides the account's language.</summary>
    public string? Language { get; init; }

    /// <summary>Overrides the account's time zone.</summary>
    public string? TimeZone { get; init; }
}
