namespace SupportFunctions.Domain.Inbound;

/// <summary>An email as support reads it: who sent it to which addresses, its text, its threading headers, its files.</summary>
public sealed record InboundEmail
{
    public required MailboxAddress From { get; init; }

    public IReadOnlyList<MailboxAddress> To { get; init; } = [];

    public IReadOnlyList<MailboxAddress> Cc { get; init; } = [];

    /// <summary>The SMTP envelope's recipients: where the message was actually delivered (Bcc included).</summary>
    public IReadOnlyList<string> EnvelopeTo { get; init; } = [];

    /// <summary>The SMTP envelope's sender (return path); empty for bounces.</summary>
    public string? EnvelopeFrom { get; init; }

    public string Subject { get; init; } = string.Empty;

    public string? Text { get; init; }

    public string? Html { get; init; }

    public MailHeaders Headers { get; init; } = MailHeaders.Empty;

    /// <summary>The mail's own Message-ID (from its headers), without brackets.</summary>
    public string? MessageId => Headers.MessageIds("Message-ID") is { Count: > 0 } ids ? ids[0] : null;

    /// <summary>In-Reply-To then References ids (from its headers), most specific first.</summary>
    public IReadOnlyList<string> ThreadIds =>
        Headers.MessageIds("In-Reply-To").Concat(Headers.MessageIds("References").Reverse()).Distinct(StringComparer.Ordinal).ToList();

    public double? SpamScore { get; init; }

    public IReadOnlyList<InboundAttachment> Attachments { get; init; } = [];

    /// <summary>Every address the message went to: To, Cc and the envelope.</summary>
    public IEnumerable<string> Recipients => To.Select(a => a.Address).Concat(Cc.Select(a => a.Address)).Concat(EnvelopeTo);

    /// <summary>The body as text: the plain part, or the HTML part reduced to text.</summary>
    public string Body => !string.IsNullOrWhiteSpace(Text) ? Text : HtmlText.From(Html);
}
