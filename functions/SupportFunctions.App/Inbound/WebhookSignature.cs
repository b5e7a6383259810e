using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SupportFunctions.App.Inbound;

/// <summary>
/// The generic voice webhook's signature: <c>X-Signature: sha256=&lt;hex HMAC-SHA256(secret, timestamp + "." + body)&gt;</c>
/// with <c>X-Signature-Timestamp</c> (Unix seconds) within the allowed skew, so a captured request cannot be replayed later.
/// </summary>
public static class WebhookSignature
{
    public static string Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var data = new byte[prefix.Length + body.Length];
        prefix.CopyTo(data, 0);
        body.CopyTo(data.AsSpan(prefix.Length));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data));
    }

    /// <summary>Null when the request is authentic and fresh; otherwise why not.</summary>
    public static string? Problem(string secret, string? signature, string? timestamp, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan maxSkew)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp))
        {
            return "X-Signature and X-Signature-Timestamp are required";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "X-Signature-Timestamp must be Unix time in seconds";
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253_402_300_799))).Duration() > maxSkew)
        {
            return $"X-Signature-Timestamp is more than {maxSkew.TotalSeconds:0} seconds from now; replays are refused";
        }

        var expected = Encoding.UTF8.GetBytes(Compute(secret, timestamp, body));
        return SecretComparison.Matches(Encoding.UTF8.GetBytes(signature.Trim().ToLowerInvariant()), expected) ? null : "X-Signature does not match the body";
    }
}
