using System.Globalization;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace SupportFunctions.Storage;

/// <summary>
/// Signs each attempt (it sits in the per-retry position, so a retry gets a fresh x-ms-date).
/// Table requests use the short Table form; Blob and Queue the 12-line form with canonicalized x-ms headers.
/// </summary>
internal sealed class SharedKeyAuthenticationPolicy(StorageSharedKeyCredential credential, StorageServiceKind kind) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var date = DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture);
        request.Headers.SetValue("x-ms-date", date);
        var stringToSign = kind == StorageServiceKind.Table ? TableStringToSign(request, date) : BlobQueueStringToSign(request);
        request.Headers.SetValue("Authorization", $"SharedKey {credential.AccountName}:{credential.Sign(stringToSign)}");
    }

    internal string TableStringToSign(Request request, string date)
    {
        var resource = new StringBuilder("/").Append(credential.AccountName).Append(request.Uri.Path);
        var comp = QueryValue(request.Uri.Query, "comp");
        if (comp is not null)
        {
            resource.Append("?comp=").Append(comp);
        }

        return string.Join('\n', request.Method.Method, Header(request, "Content-MD5"), Header(request, "Content-Type"), date, resource.ToString());
    }

    internal string BlobQueueStringToSign(Request request)
    {
        long length = 0;
        var hasLength = request.Content is not null && request.Content.TryComputeLength(out length);
        var sb = new StringBuilder();
        sb.Append(request.Method.Method).Append('\n')
          .Append(Header(request, "Content-Encoding")).Append('\n')
          .Append(Header(request, "Content-Language")).Append('\n')
          .Append(hasLength && length > 0 ? length.ToString(CultureInfo.InvariantCulture) : string.Empty).Append('\n')
          .Append(Header(request, "Content-MD5")).Append('\n')
          .Append(Header(request, "Content-Type")).Append('\n')
          .Append(string.Empty).Append('\n') // Date: x-ms-date is signed among the canonical headers instead.
          .Append(Header(request, "If-Modified-Since")).Append('\n')
          .Append(Header(request, "If-Match")).Append('\n')
          .Append(Header(request, "If-None-Match")).Append('\n')
          .Append(Header(request, "If-Unmodified-Since")).Append('\n')
          .Append(Header(request, "Range")).Append('\n');

        foreach (var header in request.Headers
                     .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Name.ToLowerInvariant(), h.Value))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            sb.Append(header.Name).Append(':').Append(header.Value.Trim()).Append('\n');
        }

        sb.Append('/').Append(credential.AccountName).Append(request.Uri.Path);
        foreach (var parameter in ParseQuery(request.Uri.Query)
                     .GroupBy(p => p.Key.ToLowerInvariant())
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append('\n').Append(parameter.Key).Append(':')
              .Append(string.Join(',', parameter.Select(p => p.Value).OrderBy(v => v, StringComparer.Ordinal)));
        }

        return sb.ToString();
    }

    private static string Header(Request request, string name) => request.Headers.TryGetValue(name, out var value) ? value : string.Empty;

    private static string? QueryValue(string query, string name) =>
        ParseQuery(query).Where(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Select(p => p.Value).FirstOrDefault();

    private static IEnumerable<KeyValuePair<string, string>> ParseQuery(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            yield return new KeyValuePair<string, string>(key, value);
        }
    }
}
