using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SupportFunctions.Storage.Tables;

/// <summary>
/// The multipart/mixed body of an entity group transaction and the reading of its answer.
/// One batch holds one changeset; inner requests use absolute URLs; only the outer request is signed.
/// </summary>
internal static partial class TableBatch
{
    public const int MaxOperations = 100;
    public const int MaxBodyBytes = 4 * 1024 * 1024;

    public static (byte[] Body, string ContentType) Build(Uri endpoint, string table, IReadOnlyList<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count is 0 or > MaxOperations)
        {
            throw new ArgumentException($"A transaction holds 1 to {MaxOperations} operations; this one has {actions.Count}.", nameof(actions));
        }

        var partition = actions[0].Entity.PartitionKey;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var action in actions)
        {
            if (!string.Equals(action.Entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException($"A transaction stays in one partition; '{action.Entity.PartitionKey}' differs from '{partition}'.", nameof(actions));
            }

            if (!seen.Add(action.Entity.RowKey))
            {
                throw new ArgumentException($"A transaction touches each entity once; row '{action.Entity.RowKey}' appears twice.", nameof(actions));
            }
        }

        var batchBoundary = "batch_" + Guid.NewGuid().ToString("D");
        var changesetBoundary = "changeset_" + Guid.NewGuid().ToString("D");
        var root = endpoint.AbsoluteUri.TrimEnd('/');
        var sb = new StringBuilder();
        sb.Append("--").Append(batchBoundary).Append("\r\n")
          .Append("Content-Type: multipart/mixed; boundary=").Append(changesetBoundary).Append("\r\n\r\n");
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            var (method, url, ifMatch, withBody) = action.Kind switch
            {
                TableTransactionActionKind.Add => ("POST", $"{root}/{table}", null, true),
                TableTransactionActionKind.UpsertReplace => ("PUT", EntityUrl(root, table, action.Entity), null, true),
                TableTransactionActionKind.UpsertMerge => ("MERGE", EntityUrl(root, table, action.Entity), null, true),
                TableTransactionActionKind.UpdateReplace => ("PUT", EntityUrl(root, table, action.Entity), action.ETag ?? "*", true),
                TableTransactionActionKind.UpdateMerge => ("MERGE", EntityUrl(root, table, action.Entity), action.ETag ?? "*", true),
                TableTransactionActionKind.Delete => ("DELETE", EntityUrl(root, table, action.Entity), action.ETag ?? "*", false),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action.Kind, "Unknown transaction action."),
            };
            sb.Append("--").Append(changesetBoundary).Append("\r\n")
              .Append("Content-Type: application/http\r\n")
              .Append("Content-Transfer-Encoding: binary\r\n")
              .Append("Content-ID: ").Append(i + 1).Append("\r\n\r\n")
              .Append(method).Append(' ').Append(url).Append(" HTTP/1.1\r\n")
              .Append("Accept: application/json;odata=minimalmetadata\r\n")
              .Append("DataServiceVersion: 3.0;NetFx\r\n");
            if (ifMatch is not null)
            {
                sb.Append("If-Match: ").Append(ifMatch).Append("\r\n");
            }

            if (withBody)
            {
                sb.Append("Prefer: return-no-content\r\n")
                  .Append("Content-Type: application/json\r\n\r\n")
                  .Append(Encoding.UTF8.GetString(EntityJson.Serialize(action.Entity))).Append("\r\n");
            }
            else
            {
                sb.Append("\r\n");
            }
        }

        sb.Append("--").Append(changesetBoundary).Append("--\r\n")
          .Append("--").Append(batchBoundary).Append("--\r\n");
        var body = Encoding.UTF8.GetBytes(sb.ToString());
        if (body.Length > MaxBodyBytes)
        {
            throw new ArgumentException($"The transaction body is {body.Length} bytes; the service accepts at most {MaxBodyBytes}.", nameof(actions));
        }

        return (body, "multipart/mixed; boundary=" + batchBoundary);
    }

    /// <summary>Reads per-operation statuses; any failure fails the whole transaction (the service applied nothing).</summary>
    public static IReadOnlyList<string?> ReadResponse(string contentType, string body, IReadOnlyList<TableTransactionAction> actions, string? requestId, string table)
    {
        var responses = StatusLine().Matches(body);
        foreach (Match match in responses)
        {
            var status = int.Parse(match.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (status >= 300)
            {
                var part = body[match.Index..];
                var (code, message) = ReadError(part);
                int? index = null;
                var indexMatch = FailedIndex().Match(message ?? string.Empty);
                if (indexMatch.Success)
                {
                    index = int.Parse(indexMatch.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
                }

                throw new TableTransactionFailedException(status, code, requestId, index, $"Transaction on '{table}' was rejected: {status} {code}{(index is null ? string.Empty : $" at operation {index}")} — {message}");
            }
        }

        if (responses.Count != actions.Count)
        {
            throw new StorageRequestFailedException(202, "UnexpectedBatchResponse", requestId, $"Transaction on '{table}' answered {responses.Count} parts for {actions.Count} operations (content type '{contentType}').");
        }

        var etags = new List<string?>(actions.Count);
        var etagMatches = ETagHeader().Matches(body);
        var e = 0;
        foreach (var action in actions)
        {
            etags.Add(action.Kind == TableTransactionActionKind.Delete || e >= etagMatches.Count ? null : etagMatches[e++].Groups["etag"].Value.Trim());
        }

        return etags;
    }

    private static (string? Code, string? Message) ReadError(string part)
    {
        var start = part.IndexOf('{', StringComparison.Ordinal);
        if (start < 0)
        {
            return (null, part.Split('\n')[0]);
        }

        var end = part.LastIndexOf('}');
        try
        {
            using var document = JsonDocument.Parse(part[start..(end + 1)]);
            var error = document.RootElement.GetProperty("odata.error");
            var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
            var message = error.TryGetProperty("message", out var m) && m.TryGetProperty("value", out var v) ? v.GetString() : null;
            return (code, message);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, part[start..Math.Min(part.Length, start + 300)]);
        }
    }

    private static string EntityUrl(string root, string table, TableEntity entity) => $"{root}/{TableKeys.EntityPath(table, entity.PartitionKey, entity.RowKey)}";

    [GeneratedRegex(@"HTTP/1\.1 (?<status>\d{3})")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^(?<index>\d+):", RegexOptions.Multiline)]
    private static partial Regex FailedIndex();

    [GeneratedRegex(@"^ETag:\s*(?<etag>.+?)\r?$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ETagHeader();
}
