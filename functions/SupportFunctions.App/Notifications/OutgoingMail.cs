namespace SupportFunctions.App.Notifications;

/// <summary>
/// A rendered notification as any provider sends it. <see cref="MessageId"/> is derived from the intent id, so every
/// attempt of one intent carries the same id and a receiving system can recognise a repeat.
/// </summary>
public sealed record OutgoingMail
{
    public required string IntentId { get; init; }

    public required string CaseNumber { get; init; }

    public required string Kind { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string FromAddress { get; init; }

    public required string FromName { get; init; }

    public string? ReplyTo { get; init; }

    public required IReadOnlyList<MailEnvelope> Envelopes { get; init; }

    public required string Subject { get; init; }

    public required string Text { get; init; }

    public required string Html { get; init; }

    public required string Language { get; init; }

    public required string MessageId { get; init; }

    public string? InReplyTo { get; init; }

    public IReadOnlyList<string> References { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public IReadOnlyDictionary<string, string> CustomArgs { get; init; } = new Dictionary<string, string>();
}
