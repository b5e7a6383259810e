using System.Security.Cryptography;
using System.Text;

namespace SupportFunctions.Storage;

/// <summary>An account name and its key; signs strings with HMAC-SHA256 and never reveals the key.</summary>
public sealed class StorageSharedKeyCredential
{
    private readonly byte[] _key;

    private StorageSharedKeyCredential(string accountName, byte[] key)
    {
        AccountName = accountName;
        _key = key;
    }

    public string AccountName { get; }

    /// <exception cref="FormatException">The key is not base64.</exception>
    public static StorageSharedKeyCredential Create(string accountName, string base64Key)
    {
        try
        {
            return new StorageSharedKeyCredential(accountName, Convert.FromBase64String(base64Key));
        }
        catch (FormatException)
        {
            throw new FormatException($"The AccountKey for storage account '{accountName}' is not valid base64.");
        }
    }

    /// <summary>Base64 HMAC-SHA256 of the UTF-8 string, with the account key.</summary>
    public string Sign(string stringToSign) => Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));

    public override string ToString() => $"SharedKey({AccountName})";
}
