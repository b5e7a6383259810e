using System.Text.RegularExpressions;

namespace SupportFunctions.Domain.Directory;

/// <summary>The address rules we apply everywhere: a plain addr-spec (no display name), at most 254 characters, a dotted domain.</summary>
public static partial class EmailAddress
{
    public static bool IsValid(string? address) =>
        address is { Length: > 2 and <= 254 } && Pattern().IsMatch(address) && address.IndexOf('@', StringComparison.Ordinal) <= 64;

    /// <summary>Lower-cased, trimmed: the key we compare and index addresses by.</summary>
    public static string Normalize(string address) => address.Trim().ToLowerInvariant();

    /// <summary>Normalized and without a "+tag" in the local part: support+CS-1@x and support@x are the same mailbox.</summary>
    public static string Mailbox(string address)
    {
        var normalized = Normalize(address);
        var at = normalized.IndexOf('@', StringComparison.Ordinal);
        var plus = normalized.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 && plus < at ? normalized[..plus] + normalized[at..] : normalized;
    }

    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")]
    private static partial Regex Pattern();
}
