namespace SupportFunctions.App.Notifications;

/// <summary>What a provider answered: accepted, worth retrying (429, 5xx, timeouts) or refused for good (other 4xx).</summary>
public sealed record MailSendResult(MailSendOutcome Outcome, string? ProviderMessageId = null, TimeSpan? RetryAfter = null, string? Error = null)
{
    public static MailSendResult Accepted(string? providerMessageId) => new(MailSendOutcome.Accepted, providerMessageId);

    public static MailSendResult Transient(string error, TimeSpan? retryAfter = null) => new(MailSendOutcome.Transient, RetryAfter: retryAfter, Error: error);

    public static MailSendResult Permanent(string error) => new(MailSendOutcome.Permanent, Error: error);
}
