namespace SupportFunctions.App.Notifications;

/// <summary><c>SupportFunctions:Mail</c>: which provider delivers notifications, who they come from, and how hard to retry.</summary>
public sealed class MailOptions
{
    public const string Section = "SupportFunctions:Mail";

    /// <summary><c>Outbox</c> (store rendered mail in Blob storage and list it, for local runs) or <c>SendGrid</c>.</summary>
    public string Provider { get; set; } = MailProviders.Outbox;

    /// <summary>Sender address; empty: the policy's support address. Its domain names our Message-IDs.</summary>
    public string FromAddress { get; set; } = string.Empty;

    public string FromName { get; set; } = "Support";

    /// <summary>Deliveries of one intent before it is given up as failed (429/5xx/timeouts count).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>
    /// How long one worker owns an intent while it sends; a crash is detected when the lease runs out, and the intent's
    /// message (back after the queue's visibility timeout, also 30 s) sends it again. Longer than a send can take
    /// (SendGrid's timeout, 20 s), so a live worker is never taken for a dead one.
    /// </summary>
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>First retry delay; doubles each attempt up to <see cref="RetryMaxSeconds"/>, or longer when the provider's Retry-After says so.</summary>
    public int RetryBaseSeconds { get; set; } = 10;

    public int RetryMaxSeconds { get; set; } = 3600;

    /// <summary>How long past its due time an undelivered intent waits before the reconciler sends its message again.</summary>
    public int SweepGraceSeconds { get; set; } = 30;
}
