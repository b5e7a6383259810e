using System.Security.Cryptography;
using System.Text;

namespace SupportFunctions.App.Inbound;

/// <summary>Compares a presented secret with the configured one in constant time (hashing first makes lengths equal).</summary>
public static class SecretComparison
{
    public static bool Matches(string? presented, string? configured)
    {
        if (string.IsNullOrEmpty(presented) || string.IsNullOrEmpty(configured))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(configured)));
    }

    public static bool Matches(ReadOnlySpan<byte> presented, ReadOnlySpan<byte> expected) =>
        presented.Length == expected.Length && CryptographicOperations.FixedTimeEquals(presented, expected);
}
