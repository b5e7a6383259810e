namespace SupportFunctions.Domain.Inbound;

/// <summary>What a raw MIME message holds that the parsed mode would have posted as separate fields.</summary>
public sealed record RawMimeParts(
    MailHeaders Headers,
    IReadOnlyList<MailboxAddress> From,
    IReadOnlyList<MailboxAddress> To,
    IReadOnlyList<MailboxAddress> Cc,
    string Subject,
    string? Text,
    string? Html,
    IReadOnlyList<InboundAttachment> Attachments);
