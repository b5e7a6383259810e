namespace SupportFunctions.Domain.Inbound;

/// <summary>An email's header block (as SendGrid's <c>headers</c> field gives it): folded lines joined, names case-insensitive.</summary>
public sealed class MailHeaders
{
    private readonly List<KeyValuePair<string, string>> _headers;

    private MailHeaders(List<KeyValuePair<string, string>> headers) => _headers = headers;

    public static MailHeaders Empty { get; } = new([]);

    public IReadOnlyList<KeyValuePair<string, string>> All => _headers;

    public static MailHeaders Parse(string? block)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(block))
        {
            return new MailHeaders(headers);
        }

        foreach (var raw in block.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.Length == 0)
            {
                continue;
            }

            if ((raw[0] == ' ' || raw[0] == '\t') && headers.Count > 0)
            {
                // RFC 5322 folding: a line starting with white space continues the previous header.
                var last = headers[^1];
                headers[^1] = new KeyValuePair<string, string>(last.Key, last.Value + " " + raw.Trim());
                continue;
            }

            var colon = raw.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers.Add(new KeyValuePair<string, string>(raw[..colon].Trim(), raw[(colon + 1)..].Trim()));
            }
        }

        return new MailHeaders(headers);
    }

    public string? Get(string name) => _headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public bool Has(string name) => _headers.Any(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The <c>&lt;id@host&gt;</c> tokens of a Message-ID, In-Reply-To or References header, without brackets.</summary>
    public IReadOnlyList<string> MessageIds(string name)
    {
        var ids = new List<string>();
        foreach (var value in _headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value))
        {
            var start = value.IndexOf('<', StringComparison.Ordinal);
            while (start >= 0)
            {
                var end = value.IndexOf('>', start + 1);
                if (end < 0)
                {
                    break;
                }

                var id = value[(start + 1)..end].Trim();
                if (id.Length > 0)
                {
                    ids.Add(id);
                }

                start = value.IndexOf('<', end + 1);
            }
        }

        return ids;
    }
}
