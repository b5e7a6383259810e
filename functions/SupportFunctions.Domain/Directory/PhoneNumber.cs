using System.Text.RegularExpressions;

namespace SupportFunctions.Domain.Directory;

/// <summary>Phone numbers are stored and matched in E.164 (+ and 8–15 digits, no leading zero).</summary>
public static partial class PhoneNumber
{
    public static bool IsE164(string? number) => number is not null && Pattern().IsMatch(number);

    [GeneratedRegex(@"^\+[1-9][0-9]{7,14}$")]
    private static partial Regex Pattern();
}
