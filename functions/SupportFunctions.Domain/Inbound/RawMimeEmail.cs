using System.Text;
using MimeKit;

namespace SupportFunctions.Domain.Inbound;

/// <summary>
/// Reads the MIME message of a SendGrid "Send Raw" post (its <c>email</c> field) with MimeKit: the headers, the plain and
/// HTML bodies in their own charsets, and every attachment decoded from its transfer encoding, named as the parsed mode
/// names them (<c>attachment1</c>…), so both modes feed the same rules.
/// </summary>
public static class RawMimeEmail
{
    /// <summary>The email (without the post's envelope and spam score), or the reason the bytes are not one we can read.</summary>
    public static (InboundEmail? Email, string? Problem) Read(byte[] mime)
    {
        ArgumentNullException.ThrowIfNull(mime);
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(mime, writable: false);
            message = MimeMessage.Load(stream);
        }
        catch (FormatException)
        {
            return (null, "the \"email\" field of this \"Send Raw\" post holds no MIME message");
        }

        var from = Mailboxes(message.From);
        if (from.Count == 0)
        {
            return (null, "the \"from\" header of the MIME message holds no email address");
        }

        var headers = new StringBuilder();
        foreach (var header in message.Headers)
        {
            // Decoded values (RFC 2047 words resolved), one line each: the shape of the parsed mode's "headers" field.
            headers.Append(header.Field).Append(": ").Append(header.Value.ReplaceLineEndings(" ")).Append('\n');
        }

        var attachments = new List<InboundAttachment>();
        foreach (var part in message.Attachments.OfType<MimePart>())
        {
            using var content = new MemoryStream();
            part.Content?.DecodeTo(content);
            var fileName = part.FileName ?? part.ContentId ?? $"attachment{attachments.Count + 1}";
            attachments.Add(new InboundAttachment($"attachment{attachments.Count + 1}", fileName, part.ContentType.MimeType, content.ToArray()));
        }

        return (new InboundEmail
        {
            From = from[0],
            To = Mailboxes(message.To),
            Cc = Mailboxes(message.Cc),
            Subject = (message.Subject ?? string.Empty).Trim(),
            Text = message.TextBody,
            Html = message.HtmlBody,
            Headers = MailHeaders.Parse(headers.ToString()),
            Attachments = attachments,
        }, null);
    }

    private static List<MailboxAddress> Mailboxes(InternetAddressList list) =>
        list.Mailboxes.Select(m => new MailboxAddress(m.Address, string.IsNullOrWhiteSpace(m.Name) ? null : m.Name)).ToList();
}
