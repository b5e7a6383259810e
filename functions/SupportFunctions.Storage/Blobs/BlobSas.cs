using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SupportFunctions.Storage.Blobs;

/// <summary>
/// Shared access signatures for one blob, signed version 2020-12-06 (the string-to-sign layout for that version and later:
/// service SAS with the account key, user delegation SAS with a delegation key).
/// </summary>
internal static class BlobSas
{
    public const string SignedVersion = "2020-12-06";

    public static Uri ServiceSas(Uri blobUri, StorageSharedKeyCredential key, string container, string blob, BlobSasPermissions permissions, DateTimeOffset? startsOn, DateTimeOffset expiresOn)
    {
        var (sp, st, se, spr) = Common(blobUri, permissions, startsOn, expiresOn);
        var resource = $"/blob/{key.AccountName}/{container}/{blob}";
        var stringToSign = string.Join('\n', sp, st, se, resource, string.Empty, string.Empty, spr, SignedVersion, "b", string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
        var query = Query(sp, st, se, spr) + "&sig=" + Uri.EscapeDataString(key.Sign(stringToSign));
        return new Uri(blobUri.AbsoluteUri + "?" + query);
    }

    public static Uri UserDelegationSas(Uri blobUri, string accountName, UserDelegationKey key, string container, string blob, BlobSasPermissions permissions, DateTimeOffset? startsOn, DateTimeOffset expiresOn)
    {
        var (sp, st, se, spr) = Common(blobUri, permissions, startsOn, expiresOn);
        var skt = Time(key.SignedStartsOn);
        var ske = Time(key.SignedExpiresOn);
        var resource = $"/blob/{accountName}/{container}/{blob}";
        var stringToSign = string.Join(
            '\n',
            sp, st, se, resource,
            key.SignedObjectId, key.SignedTenantId, skt, ske, key.SignedService, key.SignedVersion,
            string.Empty, string.Empty, string.Empty, // authorized/unauthorized user object ids, correlation id
            string.Empty, spr, SignedVersion, "b", string.Empty, string.Empty,
            string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(key.Value), Encoding.UTF8.GetBytes(stringToSign)));
        var query = Query(sp, st, se, spr)
            + $"&skoid={Uri.EscapeDataString(key.SignedObjectId)}&sktid={Uri.EscapeDataString(key.SignedTenantId)}"
            + $"&skt={Uri.EscapeDataString(skt)}&ske={Uri.EscapeDataString(ske)}&sks={key.SignedService}&skv={key.SignedVersion}"
            + "&sig=" + Uri.EscapeDataString(signature);
        return new Uri(blobUri.AbsoluteUri + "?" + query);
    }

    internal static string Permissions(BlobSasPermissions permissions)
    {
        var sb = new StringBuilder();
        if (permissions.HasFlag(BlobSasPermissions.Read))
        {
            sb.Append('r');
        }

        if (permissions.HasFlag(BlobSasPermissions.Add))
        {
            sb.Append('a');
        }

        if (permissions.HasFlag(BlobSasPermissions.Create))
        {
            sb.Append('c');
        }

        if (permissions.HasFlag(BlobSasPermissions.Write))
        {
            sb.Append('w');
        }

        if (permissions.HasFlag(BlobSasPermissions.Delete))
        {
            sb.Append('d');
        }

        return sb.Length > 0 ? sb.ToString() : throw new ArgumentException("A SAS must grant at least one permission.", nameof(permissions));
    }

    private static (string Sp, string St, string Se, string Spr) Common(Uri blobUri, BlobSasPermissions permissions, DateTimeOffset? startsOn, DateTimeOffset expiresOn) =>
        (Permissions(permissions), startsOn is null ? string.Empty : Time(startsOn.Value), Time(expiresOn), blobUri.Scheme == Uri.UriSchemeHttps ? "https" : string.Empty);

    private static string Query(string sp, string st, string se, string spr)
    {
        var sb = new StringBuilder($"sv={SignedVersion}&sr=b&sp={sp}");
        if (st.Length > 0)
        {
            sb.Append("&st=").Append(Uri.EscapeDataString(st));
        }

        sb.Append("&se=").Append(Uri.EscapeDataString(se));
        if (spr.Length > 0)
        {
            sb.Append("&spr=").Append(spr);
        }

        return sb.ToString();
    }

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
