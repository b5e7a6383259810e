using System.Text.RegularExpressions;

namespace SupportFunctions.Storage.Repositories;

/// <summary>
/// Names of our tables, containers and queues, with an optional prefix so several deployments (or tests) share one
/// account without sharing data. Tables take the prefix as letters/digits; containers and queues as "prefix-name".
/// </summary>
public sealed partial class StorageNaming
{
    public StorageNaming(string? prefix = null)
    {
        Prefix = (prefix ?? string.Empty).ToLowerInvariant();
        if (Problem(Prefix) is { } problem)
        {
            throw new ArgumentException($"Storage name prefix '{prefix}': {problem}.", nameof(prefix));
        }
    }

    public string Prefix { get; }

    /// <summary>Why a configured prefix cannot be used; null when it can.</summary>
    public static string? Problem(string? prefix) =>
        string.IsNullOrEmpty(prefix) || PrefixPattern().IsMatch(prefix) ? null : "it must be 1-20 lower-case letters and digits, starting with a letter";

    public string Table(string name) => Prefix + name;

    public string Container(string name) => Prefix.Length == 0 ? name : $"{Prefix}-{name}";

    public string Queue(string name) => Prefix.Length == 0 ? name : $"{Prefix}-{name}";

    [GeneratedRegex("^[a-z][a-z0-9]{0,19}$")]
    private static partial Regex PrefixPattern();
}
