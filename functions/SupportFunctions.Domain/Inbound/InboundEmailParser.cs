using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SupportFunctions.Domain.Inbound;

/// <summary>
/// Reads the fields of a SendGrid Inbound Parse post into an <see cref="InboundEmail"/>: the default (parsed) mode, whose
/// text fields come as bytes in the charset named by the <c>charsets</c> field, or the "Send Raw" mode, whose <c>email</c>
/// field is the whole MIME message (read by <see cref="RawMimeEmail"/>).
/// </summary>
public static class InboundEmailParser
{
    /// <summary>The email, or the reason the post is not one we can read (no sender, a raw post without a MIME message).</summary>
    public static (InboundEmail? Email, string? Problem) Parse(IReadOnlyDictionary<string, byte[]> fields, IReadOnlyList<InboundAttachment> files)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(files);
        var charsets = Charsets(fields);
        string? Field(string name) => fields.TryGetValue(name, out var bytes) ? Decode(bytes, charsets.GetValueOrDefault(name)) : null;

        if (!fields.ContainsKey("headers") && fields.TryGetValue("email", out var mime))
        {
            var (raw, problem) = RawMimeEmail.Read(mime);
            return raw is null ? (null, problem) : (WithPostFields(raw, Field), null);
        }

        var from = MailboxAddress.ParseList(Field("from"));
        if (from.Count == 0)
        {
            return (null, "the \"from\" field holds no email address");
        }

        var headers = MailHeaders.Parse(Field("headers"));
        var info = AttachmentInfo(Field("attachment-info"));
        var email = new InboundEmail
        {
            From = from[0],
            To = MailboxAddress.ParseList(Field("to")),
            Cc = MailboxAddress.ParseList(Field("cc") ?? headers.Get("Cc")),
            Subject = (Field("subject") ?? string.Empty).Trim(),
            Text = Field("text"),
            Html = Field("html"),
            Headers = headers,
            Attachments = files.Select(f => info.TryGetValue(f.Part, out var described)
                ? f with { FileName = string.IsNullOrWhiteSpace(described.FileName) ? f.FileName : described.FileName, ContentType = described.ContentType }
                : f).ToList(),
        };
        return (WithPostFields(email, Field), null);
    }

    /// <summary>What SendGrid posts beside the mail in either mode: the SMTP envelope and the spam score.</summary>
    private static InboundEmail WithPostFields(InboundEmail email, Func<string, string?> field)
    {
        var (envelopeTo, envelopeFrom) = Envelope(field("envelope"));
        return email with
        {
            EnvelopeTo = envelopeTo,
            EnvelopeFrom = envelopeFrom,
            SpamScore = double.TryParse(field("spam_score"), NumberStyles.Float, CultureInfo.InvariantCulture, out var score) ? score : null,
        };
    }

    /// <summary>Decodes a field in its charset; an unknown charset name falls back to UTF-8 rather than losing the mail.</summary>
    public static string Decode(byte[] bytes, string? charset)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (!string.IsNullOrWhiteSpace(charset))
        {
            try
            {
                return Encoding.GetEncoding(charset.Trim()).GetString(bytes);
            }
            catch (ArgumentException)
            {
                // Unknown or unsupported name: UTF-8 below.
            }
        }

        return Encoding.UTF8.GetString(bytes);
    }

    private static Dictionary<string, string> Charsets(IReadOnlyDictionary<string, byte[]> fields)
    {
        var charsets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!fields.TryGetValue("charsets", out var raw))
        {
            return charsets;
        }

        try
        {
            using var document = JsonDocument.Parse(raw);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String))
                {
                    charsets[property.Name] = property.Value.GetString()!;
                }
            }
        }
        catch (JsonException)
        {
            // A malformed charsets field: every field is read as UTF-8.
        }

        return charsets;
    }

    private static (IReadOnlyList<string> To, string? From) Envelope(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return ([], null);
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ([], null);
            }

            var to = root.TryGetProperty("to", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
                : [];
            var from = root.TryGetProperty("from", out var sender) && sender.ValueKind == JsonValueKind.String ? sender.GetString() : null;
            return (to, from);
        }
        catch (JsonException)
        {
            return ([], null);
        }
    }

    /// <summary>Reads <c>attachment-info</c>: part name → (file name, content type).</summary>
    private static Dictionary<string, (string FileName, string ContentType)> AttachmentInfo(string? json)
    {
        var info = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return info;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return info;
            }

            foreach (var part in document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object))
            {
                var name = part.Value.TryGetProperty("filename", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString()! : part.Name;
                var type = part.Value.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "application/octet-stream";
                info[part.Name] = (name, type);
            }
        }
        catch (JsonException)
        {
            // Without the info the parts' own file names and types are used.
        }

        return info;
    }
}
