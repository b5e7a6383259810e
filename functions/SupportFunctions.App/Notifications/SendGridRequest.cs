using System.Text.Json.Nodes;

namespace SupportFunctions.App.Notifications;

/// <summary>
/// The v3 Mail Send body for a notification: one personalization per envelope, from and reply-to, text before HTML,
/// threading headers, categories, and custom_args naming the case and the intent (what the Event Webhook and the
/// Activity API return, so a delivery can be traced back).
/// </summary>
public static class SendGridRequest
{
    /// <summary>SendGrid's limit on categories per message.</summary>
    private const int MaxCategories = 10;

    public static JsonObject Build(OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var personalizations = new JsonArray();
        foreach (var envelope in mail.Envelopes)
        {
            var personalization = new JsonObject { ["to"] = Addresses(envelope.To) };
            if (envelope.Cc.Count > 0)
            {
                personalization["cc"] = Addresses(envelope.Cc);
            }

            personalizations.Add(personalization);
        }

        var headers = new JsonObject { ["Message-ID"] = mail.MessageId };
        if (mail.InReplyTo is not null)
        {
            headers["In-Reply-To"] = mail.InReplyTo;
        }

        if (mail.References.Count > 0)
        {
            headers["References"] = string.Join(' ', mail.References);
        }

        var body = new JsonObject
        {
            ["personalizations"] = personalizations,
            ["from"] = new JsonObject { ["email"] = mail.FromAddress, ["name"] = mail.FromName },
            ["subject"] = mail.Subject,
            ["content"] = new JsonArray(
                new JsonObject { ["type"] = "text/plain", ["value"] = mail.Text },
                new JsonObject { ["type"] = "text/html", ["value"] = mail.Html }),
            ["headers"] = headers,
            ["categories"] = new JsonArray(mail.Categories.Distinct(StringComparer.Ordinal).Take(MaxCategories).Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()),
            ["custom_args"] = new JsonObject(mail.CustomArgs.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)JsonValue.Create(a.Value)))),
        };
        if (mail.ReplyTo is not null)
        {
            body["reply_to"] = new JsonObject { ["email"] = mail.ReplyTo };
        }

        return body;
    }

    private static JsonArray Addresses(IEnumerable<string> addresses) =>
        new(addresses.Select(a => (JsonNode)new JsonObject { ["email"] = a }).ToArray());
}
