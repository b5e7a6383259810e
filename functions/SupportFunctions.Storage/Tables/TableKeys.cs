namespace SupportFunctions.Storage.Tables;

/// <summary>The service's rules for table keys, checked before a request is sent so the error names the key.</summary>
public static class TableKeys
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
}
