using SendGrid.Helpers.Mail;

namespace SupportFunctions.App.Notifications;

/// <summary>
/// The v3 Mail Send message for a notification, as the SendGrid SDK's <see cref="SendGridMessage"/>: one personalization
/// per envelope, from and reply-to, text before HTML, threading headers, categories, and custom_args naming the case and
/// the intent (what the Event Webhook and the Activity API return, so a delivery can be traced back).
/// </summary>
public static class SendGridRequest
{
    /// <summary>SendGrid's limit on categories per message.</summary>
    private const int MaxCategories = 10;

    public static SendGridMessage Build(OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["Message-ID"] = mail.MessageId };
        if (mail.InReplyTo is not null)
        {
            headers["In-Reply-To"] = mail.InReplyTo;
        }

        if (mail.References.Count > 0)
        {
            headers["References"] = string.Join(' ', mail.References);
        }

        var message = new SendGridMessage
        {
            From = new EmailAddress(mail.FromAddress, mail.FromName),
            Subject = mail.Subject,
            PlainTextContent = mail.Text,
            HtmlContent = mail.Html,
            Headers = headers,
            Categories = mail.Categories.Distinct(StringComparer.Ordinal).Take(MaxCategories).ToList(),
            CustomArgs = mail.CustomArgs.ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal),
            Personalizations = mail.Envelopes.Select(e => new Personalization
            {
                Tos = e.To.Select(a => new EmailAddress(a)).ToList(),
                Ccs = e.Cc.Count > 0 ? e.Cc.Select(a => new EmailAddress(a)).ToList() : null,
            }).ToList(),
        };
        if (mail.ReplyTo is not null)
        {
            message.ReplyTo = new EmailAddress(mail.ReplyTo);
        }

        return message;
    }
}
