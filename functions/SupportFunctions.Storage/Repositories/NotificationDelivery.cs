using SupportFunctions.Domain.Cases;

namespace SupportFunctions.Storage.Repositories;

/// <summary>
/// An outbox intent with where its delivery stands. States: pending (written with its case change), sending (claimed by
/// one worker until <see cref="LeaseUntil"/>), retrying (a transient failure; next try at <see cref="NextAttemptAt"/>),
/// and the final sent, failed (the provider refused it) and suppressed (nobody may be mailed).
/// </summary>
public sealed record NotificationDelivery(
    NotificationIntent Intent,
    string State,
    int Attempts,
    DateTimeOffset? LeaseUntil,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? SentAt,
    string? MessageId,
    string? ProviderMessageId,
    string? LastError,
    string ETag)
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Retrying = "retrying";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Suppressed = "suppressed";

    public bool IsFinal => State is Sent or Failed or Suppressed;
}
