using Azure.Core;

namespace SupportFunctions.Storage;

/// <summary>
/// Where an Azure Storage account's three services live and how requests to them are authorised:
/// a shared key (connection strings, Azurite) or a token credential (managed identity in Azure).
/// </summary>
public sealed class StorageAccount
{
    /// <summary>The Azurite well-known development account.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The Azurite well-known development key (public, documented by Microsoft).</summary>
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private StorageAccount(string name, Uri blob, Uri queue, Uri table, StorageSharedKeyCredential? sharedKey, TokenCredential? token)
    {
        AccountName = name;
        BlobEndpoint = blob;
        QueueEndpoint = queue;
        TableEndpoint = table;
        SharedKey = sharedKey;
        TokenCredential = token;
    }

    public string AccountName { get; }

    public Uri BlobEndpoint { get; }

    public Uri QueueEndpoint { get; }

    public Uri TableEndpoint { get; }

    public StorageSharedKeyCredential? SharedKey { get; }

    public TokenCredential? TokenCredential { get; }

    /// <summary>
    /// Parses a connection string: <c>UseDevelopmentStorage=true</c>, the account-name/key form with
    /// <c>EndpointSuffix</c>, or explicit <c>BlobEndpoint=/QueueEndpoint=/TableEndpoint=</c>.
    /// </summary>
    /// <exception cref="FormatException">One sentence naming what is missing or malformed.</exception>
    public static StorageAccount Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new FormatException("The storage connection string is empty; expected 'UseDevelopmentStorage=true' or 'DefaultEndpointsProtocol=https;AccountName=<name>;AccountKey=<base64 key>;EndpointSuffix=core.windows.net'.");
        }

        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new FormatException($"The storage connection string has a segment without 'name=value' ('{Redact(part)}'); segments are separated by ';'.");
            }

            settings[part[..equals].Trim()] = part[(equals + 1)..].Trim();
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var useDev) && useDev)
        {
            return Development(settings.TryGetValue("DevelopmentStorageProxyUri", out var proxy) ? proxy : null);
        }

        if (settings.ContainsKey("SharedAccessSignature"))
        {
            throw new FormatException("Storage connection strings with a SharedAccessSignature are not supported; use an AccountKey, or managed identity with SupportFunctions:Storage:AccountName.");
        }

        if (!settings.TryGetValue("AccountName", out var name) || name.Length == 0)
        {
            throw new FormatException("The storage connection string has no AccountName; expected 'AccountName=<name>;AccountKey=<base64 key>'.");
        }

        if (!settings.TryGetValue("AccountKey", out var key) || key.Length == 0)
        {
            throw new FormatException("The storage connection string has no AccountKey; expected 'AccountName=<name>;AccountKey=<base64 key>'.");
        }

        var credential = StorageSharedKeyCredential.Create(name, key);
        var protocol = settings.TryGetValue("DefaultEndpointsProtocol", out var p) ? p.ToLowerInvariant() : "https";
        if (protocol is not ("http" or "https"))
        {
            throw new FormatException($"The storage connection string's DefaultEndpointsProtocol is '{protocol}'; expected 'http' or 'https'.");
        }

        var suffix = settings.TryGetValue("EndpointSuffix", out var s) ? s : "core.windows.net";
        return new StorageAccount(
            name,
            Endpoint(settings, "BlobEndpoint", $"{protocol}://{name}.blob.{suffix}"),
            Endpoint(settings, "QueueEndpoint", $"{protocol}://{name}.queue.{suffix}"),
            Endpoint(settings, "TableEndpoint", $"{protocol}://{name}.table.{suffix}"),
            credential,
            null);
    }

    /// <summary>An account reached with a token credential (managed identity); no keys involved.</summary>
    public static StorageAccount WithTokenCredential(string accountName, TokenCredential credential, Uri? blobEndpoint = null, Uri? queueEndpoint = null, Uri? tableEndpoint = null, string endpointSuffix = "core.windows.net")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        ArgumentNullException.ThrowIfNull(credential);
        return new StorageAccount(
            accountName,
            blobEndpoint ?? new Uri($"https://{accountName}.blob.{endpointSuffix}"),
            queueEndpoint ?? new Uri($"https://{accountName}.queue.{endpointSuffix}"),
            tableEndpoint ?? new Uri($"https://{accountName}.table.{endpointSuffix}"),
            null,
            credential);
    }

    private static StorageAccount Development(string? proxy)
    {
        var host = proxy is null ? "http://127.0.0.1" : proxy.TrimEnd('/');
        return new StorageAccount(
            DevelopmentAccountName,
            new Uri($"{host}:10000/{DevelopmentAccountName}"),
            new Uri($"{host}:10001/{DevelopmentAccountName}"),
            new Uri($"{host}:10002/{DevelopmentAccountName}"),
            StorageSharedKeyCredential.Create(DevelopmentAccountName, DevelopmentAccountKey),
            null);
    }

    private static Uri Endpoint(Dictionary<string, string> settings, string key, string fallback)
    {
        var value = settings.TryGetValue(key, out var explicitValue) ? explicitValue : fallback;
        if (!Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new FormatException($"The storage connection string's {key} '{value}' is not an absolute http(s) URL.");
        }

        return uri;
    }

    private static string Redact(string segment) => segment.Length > 12 ? segment[..12] + "…" : segment;
}
