using Microsoft.Extensions.Options;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Notifications;

/// <summary>
/// Delivers one intent, once. The intent row is claimed with an ETag-checked write and a lease, so concurrent
/// deliveries of its message send at most one copy; the outcome is written back under the same claim. A claim found
/// with its lease run out means the worker died between claiming and recording — perhaps after the provider accepted
/// the mail: the provider is asked first where it can tell (the outbox; SendGrid with the Activity API), otherwise the
/// mail goes again with the same Message-ID. Permanent failures, and intents the policy forbids sending, are
/// recorded as internal events on the case.
/// </summary>
public sealed class NotificationSender(
    OutboxRepository outbox,
    NotificationComposer composer,
    IMailProvider provider,
    DeliveryTraces traces,
    IOptions<MailOptions> options,
    TimeProvider time,
    ILogger<NotificationSender> logger)
{
    /// <summary>Delivers the intent; returns when to try again after a transient failure, or null when it is settled.</summary>
    public async Task<DateTimeOffset?> DeliverAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (delivery, stored) = await outbox.GetWithCaseAsync(message.CaseNumber, message.IntentId, cancellationToken);
        var now = time.GetUtcNow();
        if (delivery is null || delivery.IsFinal
            || (delivery.State == NotificationDelivery.Retrying && delivery.NextAttemptAt > now + TimeSpan.FromSeconds(1)))
        {
            // Settled, or a duplicate message ahead of its retry: that one's message (or the reconciler) brings it back.
            return null;
        }

        if (delivery.State == NotificationDelivery.Sending && delivery.LeaseUntil > now)
        {
            // Claimed by a worker that may be sending now, or may have died doing it: look again when its lease runs out
            // (a live worker has settled it by then; a dead one's mail goes again, with the same Message-ID).
            return delivery.LeaseUntil;
        }

        // Composed before it is claimed: an intent that ends suppressed (nobody to mail) is settled in one write, and
        // only a mail that will be sent is claimed.
        var composed = await composer.ComposeAsync(delivery.Intent, stored?.Case, cancellationToken);
        if (composed.Mail is not { } mail)
        {
            await SettleAsync(delivery, delivery with { State = NotificationDelivery.Suppressed, LastError = composed.SuppressedBecause }, composed.ByPolicy ? "notification-suppressed" : null, cancellationToken);
            return null;
        }

        var uncertain = delivery.State == NotificationDelivery.Sending;
        var claimed = await outbox.ClaimAsync(delivery, now + TimeSpan.FromSeconds(options.Value.LeaseSeconds), cancellationToken);
        if (claimed is null)
        {
            return null;
        }

        if (uncertain && await provider.WasAcceptedAsync(mail, cancellationToken) == true)
        {
            Logs.NotificationAlreadyAccepted(logger, mail.IntentId, provider.Name);
            await SettleAsync(claimed, claimed with { State = NotificationDelivery.Sent, SentAt = now, MessageId = mail.MessageId, LastError = "accepted by an earlier attempt whose answer was lost; not sent again" }, null, cancellationToken);
            return null;
        }

        // Before sending: a customer answering within a second still threads to the case.
        await traces.RememberMessageIdAsync(mail.MessageId, mail.CaseNumber, cancellationToken);
        var result = await provider.SendAsync(mail, cancellationToken);
        switch (result.Outcome)
        {
            case MailSendOutcome.Accepted:
                Logs.NotificationSent(logger, mail.IntentId, mail.Kind, mail.CaseNumber, provider.Name, claimed.Attempts);
                await SettleAsync(claimed, claimed with { State = NotificationDelivery.Sent, SentAt = time.GetUtcNow(), MessageId = mail.MessageId, ProviderMessageId = result.ProviderMessageId }, null, cancellationToken);
                return null;
            case MailSendOutcome.Transient when claimed.Attempts < options.Value.MaxAttempts:
                var retryAt = time.GetUtcNow() + Backoff(claimed.Attempts, result.RetryAfter);
                Logs.NotificationRetrying(logger, mail.IntentId, claimed.Attempts, retryAt, result.Error ?? string.Empty);
                return await outbox.CompleteAsync(claimed, claimed with { State = NotificationDelivery.Retrying, NextAttemptAt = retryAt, LeaseUntil = null, LastError = result.Error }, cancellationToken) is null ? null : retryAt;
            default:
                var error = result.Outcome == MailSendOutcome.Transient ? $"gave up after {claimed.Attempts} attempts; last: {result.Error}" : result.Error;
                Logs.NotificationFailed(logger, mail.IntentId, mail.CaseNumber, error ?? string.Empty);
                await SettleAsync(claimed, claimed with { State = NotificationDelivery.Failed, LastError = error }, "notification-failed", cancellationToken);
                return null;
        }
    }

    /// <summary>Doubling from the base delay, capped, and never sooner than the provider asked.</summary>
    private TimeSpan Backoff(int attempts, TimeSpan? retryAfter)
    {
        var doubling = TimeSpan.FromSeconds(Math.Min(options.Value.RetryMaxSeconds, options.Value.RetryBaseSeconds * Math.Pow(2, Math.Max(0, attempts - 1))));
        return retryAfter is { } asked && asked > doubling ? asked : doubling;
    }

    /// <summary>
    /// Writes the final state over the one read (claimed or not: the ETag decides, so a worker that changed it meanwhile
    /// wins); a final state other than sent is also an internal event on the case.
    /// </summary>
    private async Task SettleAsync(NotificationDelivery read, NotificationDelivery outcome, string? eventType, CancellationToken cancellationToken)
    {
        if (await outbox.CompleteAsync(read, outcome with { LeaseUntil = null }, cancellationToken) is null || eventType is null)
        {
            return;
        }

        await traces.RecordOnCaseAsync(outcome, eventType, cancellationToken);
    }
}
