using System.Security.Cryptography;
using System.Text;

namespace SupportFunctions.App.Security;

/// <summary>
/// <c>SupportFunctions:Admin:BootstrapKey</c>: an administrator key given in configuration (a Key Vault reference in
/// Azure), used to create the first accounts and keys. Compared in constant time; never logged.
/// </summary>
public static class BootstrapKey
{
    public const string Setting = "SupportFunctions:Admin:BootstrapKey";
    public const int MinLength = 32;

    public static string? Problem(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var key = configuration[Setting];
        return string.IsNullOrEmpty(key) || (key.Length >= MinLength && !key.Any(char.IsWhiteSpace))
            ? null
            : $"Setting '{Setting}' must be at least {MinLength} characters without spaces (generate one with: openssl rand -hex 32).";
    }

    public static bool Matches(IConfiguration configuration, string presented)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var key = configuration[Setting];
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        // Hash both sides so the comparison takes the same time whatever the lengths.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(key)), SHA256.HashData(Encoding.UTF8.GetBytes(presented)));
    }
}
