using System.Security.Cryptography;
using System.Text;

namespace SupportFunctions.App.Inbound;

/// <summary>
/// Twilio's X-Twilio-Signature: Base64(HMAC-SHA1(auth token, URL + each POST parameter name and value, names in
/// ordinal order, repeated names once per value in ordinal order)). The URL is the one configured in Twilio, query
/// string verbatim; Twilio may sign it with or without the default port, so both forms are accepted.
/// </summary>
public static class TwilioSignature
{
    public static string Compute(string url, IEnumerable<KeyValuePair<string, string>> parameters, string authToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(parameters);
        var data = new StringBuilder(url);
        foreach (var group in parameters.GroupBy(p => p.Key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            foreach (var value in group.Select(p => p.Value).Order(StringComparer.Ordinal))
            {
                data.Append(group.Key).Append(value);
            }
        }

#pragma warning disable CA5350 // Twilio's signature scheme is HMAC-SHA1; we verify it, we do not choose it.
        var mac = HMACSHA1.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(data.ToString()));
#pragma warning restore CA5350
        return Convert.ToBase64String(mac);
    }

    public static bool IsValid(string url, IReadOnlyList<KeyValuePair<string, string>> parameters, string authToken, string? signature)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        var presented = Encoding.UTF8.GetBytes(signature);
        return new[] { url, WithPortToggled(url) }.Distinct(StringComparer.Ordinal)
            .Any(candidate => SecretComparison.Matches(presented, Encoding.UTF8.GetBytes(Compute(candidate, parameters, authToken))));
    }

    /// <summary>The URL with its explicit port removed, or with the scheme's default port added when it has none.</summary>
    public static string WithPortToggled(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return url;
        }

        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0)
        {
            authorityEnd = url.Length;
        }

        var authority = url[authorityStart..authorityEnd];
        var hostStart = authority.LastIndexOf('@') + 1;
        var hostEnd = authority.LastIndexOf(']');
        var colon = authority.LastIndexOf(':');
        var scheme = url[..schemeEnd].ToLowerInvariant();
        string toggled;
        if (colon > hostStart && colon > hostEnd)
        {
            toggled = authority[..colon];
        }
        else
        {
            toggled = authority + (scheme == "https" ? ":443" : ":80");
        }

        return url[..authorityStart] + toggled + url[authorityEnd..];
    }
}
