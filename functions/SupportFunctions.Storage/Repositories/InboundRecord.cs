namespace SupportFunctions.Storage.Repositories;

/// <summary>
/// Inbound mail, calls or queue messages that did not become a case change, kept for a person to look at: quarantined
/// (spam), held (sender flood), ignored (auto-replies), refused (not entitled) or rejected (invalid, with the problem).
/// </summary>
public sealed record InboundRecord
{
    public required string Id { get; init; }

    /// <summary>quarantined, held, ignored, refused or rejected.</summary>
    public required string Disposition { get; init; }

    /// <summary>email, voice or queue.</summary>
    public required string Channel { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public required string Reason { get; init; }

    /// <summary>The validation problems as JSON (field → messages), for rejected queue messages and mails.</summary>
    public string? ProblemJson { get; init; }

    public string? Sender { get; init; }

    public string? Subject { get; init; }

    /// <summary>Where the whole request is kept (blob name in the inbound container), or the message text for queue intake.</summary>
    public string? Source { get; init; }

    /// <summary>The retention class of what the record quotes (the raw mail's, the call log's).</summary>
    public required string DataClass { get; init; }

    /// <summary>When retention deletes the record; null: kept.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
