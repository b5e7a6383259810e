namespace SupportFunctions.Domain.Directory;

/// <summary>A person at a partner; may be named as a support contact of the partner's accounts.</summary>
public sealed record PartnerUser
{
    public required string Id { get; init; }

    public required string PartnerId { get; init; }

    public required string Name { get; init; }

    public required string Email { get; init; }

    /// <summary>
    /// Whether the user's email, or a word of their name, starts with <paramref name="prefix"/> as a search box
    /// matches: ignoring case and accents, so "lo" finds "López".
    /// </summary>
    public bool Matches(string prefix) =>
        StartsWith(Email, prefix) || Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(word => StartsWith(word, prefix));

    private static bool StartsWith(string value, string prefix) =>
        System.Globalization.CultureInfo.InvariantCulture.CompareInfo.IsPrefix(value, prefix, System.Globalization.CompareOptions.IgnoreCase | System.Globalization.CompareOptions.IgnoreNonSpace);
}
