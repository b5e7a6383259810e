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
        if (Prefix.Length > 0 && !PrefixPattern().IsMatch(Prefix))
        {
            throw new ArgumentException($"Storage name prefix '{prefix}' must be 1–20 lower-case letters and digits, starting with a letter.", nameof(prefix));
        }
    }

    public string Prefix { get; }

    public string Table(string name) => Prefix + name;

    public string Container(string name) => Prefix.Length == 0 ? name : $"{Prefix}-{name}";

    public string Queue(string name) => Prefix.Length == 0 ? name : $"{Prefix}-{name}";

    [GeneratedRegex("^[a-z][a-z0-9]{0,19}$")]
    private static partial Regex PrefixPattern();
}
