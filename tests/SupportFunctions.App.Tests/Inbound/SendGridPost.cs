using System.Net.Http.Headers;
using System.Text;

namespace SupportFunctions.App.Tests.Inbound;

/// <summary>
/// A SendGrid Inbound Parse post built the way SendGrid sends it (parsed mode): multipart/form-data with CRLF line
/// breaks, one text part per field, body fields in the charset the <c>charsets</c> field names, files as attachmentN.
/// </summary>
public sealed class SendGridPost
{
    private const string Boundary = "xYzZY";
    private readonly List<(string Name, byte[] Value, string? FileName, string? ContentType)> _parts = [];
    private readonly Dictionary<string, string> _charsets = new() { ["to"] = "UTF-8", ["from"] = "UTF-8", ["subject"] = "UTF-8", ["text"] = "UTF-8" };
    private readonly List<string> _headers = [];
    private int _attachments;

    public SendGridPost(string from, string to, string subject, string text, string? messageId = null)
    {
        MessageId = messageId ?? $"<{Guid.NewGuid():N}@mail.acme.example>";
        Field("from", from);
        Field("to", to);
        Field("subject", subject);
        Field("text", text);
        Field("envelope", $"{{\"to\":[\"{to}\"],\"from\":\"{from}\"}}");
        Field("SPF", "pass");
        Field("dkim", "{@acme.example : pass}");
        Header("Message-ID", MessageId);
        Header("From", from);
        Header("To", to);
        Header("Subject", subject);
    }

    public string MessageId { get; }

    public SendGridPost Field(string name, string value)
    {
        _parts.RemoveAll(p => p.Name == name);
        _parts.Add((name, Encoding.UTF8.GetBytes(value), null, null));
        return this;
    }

    /// <summary>The body text in a legacy charset, as SendGrid posts it (bytes unchanged, charset named in <c>charsets</c>).</summary>
    public SendGridPost Text(string value, Encoding encoding, string charset)
    {
        _parts.RemoveAll(p => p.Name == "text");
        _parts.Add(("text", encoding.GetBytes(value), null, null));
        _charsets["text"] = charset;
        return this;
    }

    public SendGridPost Header(string name, string value)
    {
        _headers.Add($"{name}: {value}");
        return this;
    }

    public SendGridPost Attach(string fileName, string contentType, byte[] content)
    {
        _attachments++;
        _parts.Add(($"attachment{_attachments}", content, fileName, contentType));
        return this;
    }

    public HttpContent ToContent()
    {
        var body = new MemoryStream();
        void Write(string text) => body.Write(Encoding.UTF8.GetBytes(text));
        var fields = new List<(string Name, byte[] Value, string? FileName, string? ContentType)>(_parts)
        {
            ("headers", Encoding.UTF8.GetBytes(string.Join("\n", _headers) + "\n"), null, null),
            ("charsets", Encoding.UTF8.GetBytes("{" + string.Join(",", _charsets.Select(c => $"\"{c.Key}\":\"{c.Value}\"")) + "}"), null, null),
            ("attachments", Encoding.UTF8.GetBytes(_attachments.ToString(System.Globalization.CultureInfo.InvariantCulture)), null, null),
        };
        if (_attachments > 0)
        {
            var info = string.Join(",", _parts.Where(p => p.FileName is not null).Select(p => $"\"{p.Name}\":{{\"filename\":\"{p.FileName}\",\"type\":\"{p.ContentType}\"}}"));
            fields.Add(("attachment-info", Encoding.UTF8.GetBytes("{" + info + "}"), null, null));
        }

        foreach (var (name, value, fileName, contentType) in fields)
        {
            Write($"--{Boundary}\r\n");
            Write(fileName is null
                ? $"Content-Disposition: form-data; name=\"{name}\"\r\n\r\n"
                : $"Content-Disposition: form-data; name=\"{name}\"; filename=\"{fileName}\"\r\nContent-Type: {contentType}\r\n\r\n");
            body.Write(value);
            Write("\r\n");
        }

        Write($"--{Boundary}--\r\n");
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        return content;
    }
}
