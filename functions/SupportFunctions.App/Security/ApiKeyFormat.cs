using System.Security.Cryptography;
using System.Text;

namespace SupportFunctions.App.Security;

/// <summary>
/// API keys look like <c>sfk_{keyId}_{secret}</c>: the id finds the record, the 256-bit secret proves possession. Only a
/// SHA-256 of the secret is stored, and hashes are compared in constant time.
/// </summary>
public static class ApiKeyFormat
{
    private const string Prefix = "sfk_";

    public static (string Key, string KeyId, string SecretHash) Generate()
    {
        var keyId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return ($"{Prefix}{keyId}_{secret}", keyId, Hash(secret));
    }

    public static bool TryParse(string key, out string keyId, out string secret)
    {
        keyId = secret = string.Empty;
        if (!key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = key[Prefix.Length..];
        var separator = rest.IndexOf('_', StringComparison.Ordinal);
        if (separator != 16 || rest.Length < separator + 20)
        {
            return false;
        }

        keyId = rest[..separator];
        secret = rest[(separator + 1)..];
        return keyId.All(char.IsAsciiHexDigitLower);
    }

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Constant-time comparison of a presented secret with a stored hash.</summary>
    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
