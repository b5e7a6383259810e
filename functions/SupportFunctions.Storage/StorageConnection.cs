using Azure.Storage.Blobs;

namespace SupportFunctions.Storage;

/// <summary>
/// How the SDK clients reach the account: a connection string (Azurite, account keys) or service URIs with a token
/// credential (managed identity in Azure). Connection strings are checked here first so a wrong one fails start-up with
/// one sentence naming what is wrong, never echoing the key; the SDK then parses it for real.
/// </summary>
public sealed class StorageConnection
{
    private readonly Lazy<Uri> _queue;
    private readonly Lazy<Uri> _table;

    private StorageConnection(string accountName, string? connectionString, Uri blob, Func<Uri> queue, Func<Uri> table)
    {
        AccountName = accountName;
        ConnectionString = connectionString;
        BlobServiceUri = blob;
        _queue = new Lazy<Uri>(queue);
        _table = new Lazy<Uri>(table);
    }

    public string AccountName { get; }

    /// <summary>The connection string the clients are built from; null under a token credential.</summary>
    public string? ConnectionString { get; }

    /// <summary>True when the clients hold the account key (service SAS); false under managed identity (user delegation SAS).</summary>
    public bool HasAccountKey => ConnectionString is not null;

    public Uri BlobServiceUri { get; }

    /// <summary>Under a connection string, derived by the SDK on first use: the app only reads it under a token credential.</summary>
    public Uri QueueServiceUri => _queue.Value;

    /// <inheritdoc cref="QueueServiceUri"/>
    public Uri TableServiceUri => _table.Value;

    /// <summary>
    /// <c>UseDevelopmentStorage=true</c>, the account-name/key form with <c>EndpointSuffix</c>, or explicit
    /// <c>BlobEndpoint=/QueueEndpoint=/TableEndpoint=</c>.
    /// </summary>
    /// <exception cref="FormatException">One sentence naming what is missing or malformed.</exception>
    public static StorageConnection FromConnectionString(string connectionString)
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
                throw new FormatException($"The storage connection string has a segment without 'name=value' ('{(part.Length > 12 ? part[..12] + "…" : part)}'); segments are separated by ';'.");
            }

            settings[part[..equals].Trim()] = part[(equals + 1)..].Trim();
        }

        var development = settings.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var useDev) && useDev;
        if (!development)
        {
            Check(settings);
        }

        BlobServiceClient probe;
        try
        {
            probe = new BlobServiceClient(connectionString);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new FormatException($"The storage connection string was refused by the storage SDK: {ex.Message}", ex);
        }

        // Start-up builds a connection up to three times (settings check, options validation, the clients) and only the
        // token-credential path reads the table and queue URIs, so the SDK derives those when first asked.
        return new StorageConnection(
            probe.AccountName,
            connectionString,
            probe.Uri,
            () => new Azure.Storage.Queues.QueueServiceClient(connectionString).Uri,
            () => new Azure.Data.Tables.TableServiceClient(connectionString).Uri);
    }

    /// <summary>An account reached with a token credential (managed identity); no keys involved.</summary>
    public static StorageConnection FromAccountName(string accountName, Uri? blobEndpoint = null, Uri? queueEndpoint = null, Uri? tableEndpoint = null, string endpointSuffix = "core.windows.net")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        return new StorageConnection(
            accountName,
            null,
            blobEndpoint ?? new Uri($"https://{accountName}.blob.{endpointSuffix}"),
            () => queueEndpoint ?? new Uri($"https://{accountName}.queue.{endpointSuffix}"),
            () => tableEndpoint ?? new Uri($"https://{accountName}.table.{endpointSuffix}"));
    }

    public override string ToString() => HasAccountKey ? $"{AccountName} (account key)" : $"{AccountName} (token credential)";

    private static void Check(Dictionary<string, string> settings)
    {
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

        if (!Convert.TryFromBase64String(key, new byte[key.Length], out _))
        {
            throw new FormatException($"The AccountKey for storage account '{name}' is not valid base64.");
        }

        var protocol = settings.TryGetValue("DefaultEndpointsProtocol", out var p) ? p.ToLowerInvariant() : "https";
        if (protocol is not ("http" or "https"))
        {
            throw new FormatException($"The storage connection string's DefaultEndpointsProtocol is '{protocol}'; expected 'http' or 'https'.");
        }

        foreach (var endpoint in new[] { "BlobEndpoint", "QueueEndpoint", "TableEndpoint" })
        {
            if (settings.TryGetValue(endpoint, out var value)
                && (!Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
            {
                throw new FormatException($"The storage connection string's {endpoint} '{value}' is not an absolute http(s) URL.");
            }
        }
    }
}
