namespace SupportFunctions.Domain.Inbound;

/// <summary>
/// One event of a phone call, whichever platform reported it (Twilio's form fields or the generic JSON event): who
/// called which line, what they chose in the IVR, and what recordings or transcripts exist so far.
/// </summary>
public sealed record VoiceCall
{
    /// <summary>The platform's call id (Twilio CallSid): every event of one call updates the same case.</summary>
    public required string CallId { get; init; }

    public required string Provider { get; init; }

    /// <summary>Caller's number, E.164.</summary>
    public required string From { get; init; }

    /// <summary>Dialed number, E.164: picks the policy's phone line.</summary>
    public required string To { get; init; }

    /// <summary>Platform call status (ringing, in-progress, completed, …).</summary>
    public string? Status { get; init; }

    /// <summary>Severity the caller chose in the IVR.</summary>
    public int? Severity { get; init; }

    /// <summary>Account PIN the caller keyed in.</summary>
    public string? Pin { get; init; }

    /// <summary>What the caller asked for beyond a case, e.g. "send-notification" (an emergency operator request).</summary>
    public string? Request { get; init; }

    /// <summary>For operator requests: the message the caller asks support to send.</summary>
    public string? RequestMessage { get; init; }

    public string? RecordingUrl { get; init; }

    public string? TranscriptText { get; init; }

    public string? TranscriptUrl { get; init; }

    public DateTimeOffset? At { get; init; }
}
