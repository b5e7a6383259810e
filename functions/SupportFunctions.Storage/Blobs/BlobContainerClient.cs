using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace SupportFunctions.Storage.Blobs;

/// <summary>One container: create, upload (create-only when asked), download as a stream, delete, list, and SAS URLs.</summary>
public sealed partial class BlobContainerClient
{
    /// <summary>Seekable content up to this size goes up in one Put Blob; anything else is staged in blocks.</summary>
    public const long SinglePutLimit = 32L * 1024 * 1024;

    public const int BlockSize = 8 * 1024 * 1024;

    private readonly StoragePipeline _pipeline;

    internal BlobContainerClient(StoragePipeline pipeline, string name)
    {
        if (!ContainerNamePattern().IsMatch(name) || name.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Container name '{name}' must be 3–63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.", nameof(name));
        }

        _pipeline = pipeline;
        Name = name;
    }

    public string Name { get; }

    public Uri Uri => new($"{_pipeline.Endpoint.AbsoluteUri.TrimEnd('/')}/{Name}");

    /// <summary>Creates the container (private access); an existing one is success.</summary>
    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Put, Name, ("restype", "container"));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status is not (201 or 409))
        {
            throw _pipeline.Failure(response, $"Create container '{Name}'");
        }
    }

    /// <summary>Deletes the container and everything in it; a missing container is success.</summary>
    public async Task DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, Name, ("restype", "container"));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status is not (202 or 404))
        {
            throw _pipeline.Failure(response, $"Delete container '{Name}'");
        }
    }

    /// <summary>
    /// Uploads a block blob from a stream. With <paramref name="overwrite"/> false the upload is create-only
    /// (<c>If-None-Match: *</c>) and an existing blob throws <see cref="StorageConflictException"/>. Returns the new ETag.
    /// </summary>
    public async Task<string> UploadAsync(string blobName, Stream content, string contentType = "application/octet-stream", IReadOnlyDictionary<string, string>? metadata = null, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.CanSeek && content.Length - content.Position <= SinglePutLimit)
        {
            using var message = _pipeline.CreateMessage(RequestMethod.Put, BlobPath(blobName));
            message.Request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
            WriteBlobHeaders(message.Request, contentType, metadata, overwrite);
            message.Request.Content = RequestContent.Create(content);
            var response = await _pipeline.SendAsync(message, cancellationToken);
            return response.Status == 201 ? ETagOf(response) : throw UploadFailure(response, blobName);
        }

        var blockIds = new List<string>();
        var buffer = new byte[BlockSize];
        while (true)
        {
            var filled = 0;
            int read;
            while (filled < buffer.Length && (read = await content.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0)
            {
                filled += read;
            }

            if (filled == 0 && blockIds.Count > 0)
            {
                break;
            }

            var blockId = Convert.ToBase64String(BitConverter.GetBytes((long)blockIds.Count));
            using (var message = _pipeline.CreateMessage(RequestMethod.Put, BlobPath(blobName), ("comp", "block"), ("blockid", blockId)))
            {
                message.Request.Content = RequestContent.Create(new ReadOnlyMemory<byte>(buffer, 0, filled));
                var response = await _pipeline.SendAsync(message, cancellationToken);
                if (response.Status != 201)
                {
                    throw UploadFailure(response, blobName);
                }
            }

            blockIds.Add(blockId);
            if (filled < buffer.Length)
            {
                break;
            }
        }

        var list = new XElement("BlockList", blockIds.Select(id => new XElement("Latest", id)));
        using var commit = _pipeline.CreateMessage(RequestMethod.Put, BlobPath(blobName), ("comp", "blocklist"));
        WriteBlobHeaders(commit.Request, contentType, metadata, overwrite);
        commit.Request.Headers.SetValue("Content-Type", "application/xml");
        commit.Request.Content = RequestContent.Create(System.Text.Encoding.UTF8.GetBytes(list.ToString(SaveOptions.DisableFormatting)));
        var committed = await _pipeline.SendAsync(commit, cancellationToken);
        return committed.Status == 201 ? ETagOf(committed) : throw UploadFailure(committed, blobName);
    }

    /// <summary>Downloads a blob as a stream from the service; null when it does not exist.</summary>
    public async Task<BlobDownload?> DownloadAsync(string blobName, CancellationToken cancellationToken = default)
    {
        var message = _pipeline.CreateMessage(RequestMethod.Get, BlobPath(blobName));
        message.BufferResponse = false;
        try
        {
            var response = await _pipeline.SendAsync(message, cancellationToken);
            if (response.Status == 404)
            {
                return null;
            }

            if (response.Status != 200)
            {
                await response.ContentStream!.DisposeAsync();
                throw _pipeline.Failure(response, $"Download blob '{Name}/{blobName}'");
            }

            var stream = message.ExtractResponseContent() ?? Stream.Null;
            return new BlobDownload(stream, response.Headers.ContentLength ?? -1, ContentTypeOf(response), ETagOrNull(response), MetadataOf(response));
        }
        finally
        {
            message.Dispose();
        }
    }

    /// <summary>Size, type, version tag and metadata of a blob; null when it does not exist.</summary>
    public async Task<BlobItem?> GetPropertiesAsync(string blobName, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Head, BlobPath(blobName));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status == 404)
        {
            return null;
        }

        if (response.Status != 200)
        {
            throw _pipeline.Failure(response, $"Get properties of blob '{Name}/{blobName}'");
        }

        response.Headers.TryGetValue("Last-Modified", out var modified);
        return new BlobItem(
            blobName,
            response.Headers.ContentLength ?? 0,
            ContentTypeOf(response),
            ETagOrNull(response),
            modified is null ? null : DateTimeOffset.Parse(modified, CultureInfo.InvariantCulture),
            MetadataOf(response));
    }

    /// <summary>Deletes a blob (and its snapshots); a missing blob is success.</summary>
    public async Task DeleteBlobAsync(string blobName, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, BlobPath(blobName));
        message.Request.Headers.SetValue("x-ms-delete-snapshots", "include");
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status is not (202 or 404))
        {
            throw _pipeline.Failure(response, $"Delete blob '{Name}/{blobName}'");
        }
    }

    /// <summary>Lists blobs whose names start with <paramref name="prefix"/>, with metadata, page by page.</summary>
    public async IAsyncEnumerable<BlobPage> ListPagesAsync(string? prefix = null, int? pageSize = null, string? continuationToken = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (pageSize is < 1 or > 5000)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "A page holds 1 to 5,000 blobs.");
        }

        var marker = continuationToken;
        do
        {
            using var message = _pipeline.CreateMessage(
                RequestMethod.Get,
                Name,
                ("restype", "container"),
                ("comp", "list"),
                ("include", "metadata"),
                ("prefix", string.IsNullOrEmpty(prefix) ? null : prefix),
                ("maxresults", pageSize?.ToString(CultureInfo.InvariantCulture)),
                ("marker", string.IsNullOrEmpty(marker) ? null : marker));
            var response = await _pipeline.SendAsync(message, cancellationToken);
            if (response.Status != 200)
            {
                throw _pipeline.Failure(response, $"List blobs in '{Name}'");
            }

            var root = XDocument.Parse(response.Content.ToString()).Root!;
            var items = root.Element("Blobs")?.Elements("Blob").Select(ReadItem).ToList() ?? [];
            marker = root.Element("NextMarker")?.Value;
            marker = string.IsNullOrEmpty(marker) ? null : marker;
            yield return new BlobPage(items, marker);
        }
        while (marker is not null);
    }

    /// <summary>Every blob under the prefix.</summary>
    public async IAsyncEnumerable<BlobItem> ListAsync(string? prefix = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in ListPagesAsync(prefix, null, null, cancellationToken))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }

    /// <summary>
    /// A service SAS URL for one blob, signed with the account key: valid until <paramref name="expiresOn"/>, for exactly
    /// <paramref name="permissions"/>. Under a token credential use <see cref="GenerateUserDelegationSasUri"/>.
    /// </summary>
    public Uri GenerateSasUri(string blobName, BlobSasPermissions permissions, DateTimeOffset expiresOn, DateTimeOffset? startsOn = null)
    {
        var key = _pipeline.Account.SharedKey ?? throw new InvalidOperationException("A service SAS needs the account key; this account uses a token credential, so sign with a user delegation key.");
        return BlobSas.ServiceSas(BlobUri(blobName), key, Name, blobName, permissions, startsOn, expiresOn);
    }

    /// <summary>A user delegation SAS URL for one blob, signed with a key from <see cref="BlobServiceClient.GetUserDelegationKeyAsync"/>.</summary>
    public Uri GenerateUserDelegationSasUri(string blobName, BlobSasPermissions permissions, DateTimeOffset expiresOn, UserDelegationKey key, DateTimeOffset? startsOn = null) =>
        BlobSas.UserDelegationSas(BlobUri(blobName), _pipeline.Account.AccountName, key, Name, blobName, permissions, startsOn, expiresOn);

    public Uri BlobUri(string blobName) => new($"{_pipeline.Endpoint.AbsoluteUri.TrimEnd('/')}/{BlobPath(blobName)}");

    private string BlobPath(string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        if (blobName.Length > 1024)
        {
            throw new ArgumentException("Blob names are at most 1,024 characters.", nameof(blobName));
        }

        return Name + "/" + string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString));
    }

    private static void WriteBlobHeaders(Request request, string contentType, IReadOnlyDictionary<string, string>? metadata, bool overwrite)
    {
        request.Headers.SetValue("x-ms-blob-content-type", contentType);
        if (!overwrite)
        {
            request.Headers.SetValue("If-None-Match", "*");
        }

        foreach (var (name, value) in metadata ?? new Dictionary<string, string>())
        {
            if (!MetadataNamePattern().IsMatch(name) || value.Any(c => c < 0x20 || c > 0x7E))
            {
                throw new ArgumentException($"Metadata '{name}' must have an identifier-like name and a printable ASCII value.", nameof(metadata));
            }

            request.Headers.SetValue("x-ms-meta-" + name, value);
        }
    }

    private StorageRequestFailedException UploadFailure(Response response, string blobName) =>
        _pipeline.Failure(response, $"Upload blob '{Name}/{blobName}'");

    private static BlobItem ReadItem(XElement blob)
    {
        var properties = blob.Element("Properties");
        var modified = properties?.Element("Last-Modified")?.Value;
        return new BlobItem(
            blob.Element("Name")!.Value,
            long.TryParse(properties?.Element("Content-Length")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var length) ? length : 0,
            properties?.Element("Content-Type")?.Value,
            properties?.Element("Etag")?.Value,
            modified is null ? null : DateTimeOffset.Parse(modified, CultureInfo.InvariantCulture),
            blob.Element("Metadata")?.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value, StringComparer.OrdinalIgnoreCase) ?? new Dictionary<string, string>());
    }

    private static Dictionary<string, string> MetadataOf(Response response) =>
        response.Headers
            .Where(h => h.Name.StartsWith("x-ms-meta-", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Name["x-ms-meta-".Length..], h => h.Value, StringComparer.OrdinalIgnoreCase);

    private static string? ContentTypeOf(Response response) => response.Headers.TryGetValue("Content-Type", out var value) ? value : null;

    private static string? ETagOrNull(Response response) => response.Headers.TryGetValue("ETag", out var etag) ? etag : null;

    private static string ETagOf(Response response) => ETagOrNull(response) ?? string.Empty;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex ContainerNamePattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex MetadataNamePattern();
}
