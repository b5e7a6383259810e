namespace SupportFunctions.App.Inbound;

/// <summary><c>SupportFunctions:Inbound</c>: the secrets that authenticate webhooks, and the size limit of an inbound mail.</summary>
public sealed class InboundOptions
{
    public const string Section = "SupportFunctions:Inbound";

    /// <summary>
    /// Secret of the Inbound Parse URL: the password of its basic credentials (https://parse:SECRET@host/api/inbound/email)
    /// or its last path segment (/api/inbound/email/SECRET). Empty: email intake is off.
    /// </summary>
    public string? EmailSecret { get; set; }

    /// <summary>SendGrid documents 20 MB for a whole message with its attachments; 30 MiB leaves room for the form encoding.</summary>
    public long MaxEmailBytes { get; set; } = 30 * 1024 * 1024;

    /// <summary>Twilio auth token (X-Twilio-Signature key). Empty: Twilio intake is off.</summary>
    public string? TwilioAuthToken { get; set; }

    /// <summary>The webhook URL exactly as configured in Twilio (what Twilio signs); empty: the URL of the request as received.</summary>
    public string? TwilioWebhookUrl { get; set; }

    /// <summary>Shared secret of the generic voice webhook (X-Signature HMAC-SHA256). Empty: generic voice intake is off.</summary>
    public string? VoiceSigningSecret { get; set; }

    /// <summary>How far X-Signature-Timestamp may be from now before a voice event is refused as a replay.</summary>
    public int VoiceMaxSkewSeconds { get; set; } = 300;
}
