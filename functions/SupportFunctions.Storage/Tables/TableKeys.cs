using System.Text.RegularExpressions;

namespace SupportFunctions.Storage.Tables;

/// <summary>The service's rules for table names and keys, checked before a request is sent so the error names the key.</summary>
public static partial class TableKeys
{
    public const int MaxKeyLength = 1024;

    public static void Validate(string key, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(key, parameterName);
        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"{parameterName} is {key.Length} characters; table keys are at most {MaxKeyLength}.", parameterName);
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || c < 0x20 || (c >= 0x7F && c <= 0x9F))
            {
                throw new ArgumentException($"{parameterName} contains '{(char.IsControl(c) ? $"U+{(int)c:X4}" : c.ToString())}', which table keys may not contain (/, \\, #, ?, control characters).", parameterName);
            }
        }
    }

    public static void ValidateTableName(string name)
    {
        if (!TableNamePattern().IsMatch(name) || name.Equals("tables", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Table name '{name}' must be 3–63 letters and digits, starting with a letter, and not 'tables'.", nameof(name));
        }
    }

    /// <summary>The entity address segment: quotes doubled, then URL-escaped.</summary>
    public static string EntityPath(string table, string partitionKey, string rowKey) =>
        $"{table}(PartitionKey='{Uri.EscapeDataString(partitionKey.Replace("'", "''", StringComparison.Ordinal))}',RowKey='{Uri.EscapeDataString(rowKey.Replace("'", "''", StringComparison.Ordinal))}')";

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableNamePattern();
}
