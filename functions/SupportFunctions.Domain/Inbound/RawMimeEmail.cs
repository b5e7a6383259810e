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
    /// <summary>The parts of the message, or null when the bytes hold no MIME message at all.</summary>
    public static RawMimeParts? Read(byte[] mime)
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
            return null;
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

        return new RawMimeParts(
            MailHeaders.Parse(headers.ToString()),
            Mailboxes(message.From),
            Mailboxes(message.To),
            Mailboxes(message.Cc),
            message.Subject ?? string.Empty,
            message.TextBody,
            message.HtmlBody,
            attachments);
    }

    private static List<MailboxAddress> Mailboxes(InternetAddressList list) =>
        list.Mailboxes.Select(m => new MailboxAddress(m.Address, string.IsNullOrWhiteSpace(m.Name) ? null : m.Name)).ToList();
}
