using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Notifications;

/// <summary>Where one notification of a case stands, for staff: what it is, to whom, and how its delivery went.</summary>
public sealed record DeliveryView(string IntentId, string Kind, IReadOnlyList<string> Recipients, string Language, DateTimeOffset CreatedAt, string State, int Attempts, DateTimeOffset? NextAttemptAt, DateTimeOffset? SentAt, string? MessageId, string? ProviderMessageId, string? LastError)
{
    public static DeliveryView From(NotificationDelivery d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new DeliveryView(d.Intent.Id, d.Intent.Kind, d.Intent.Recipients, d.Intent.Language, d.Intent.CreatedAt, d.State, d.Attempts, d.State == NotificationDelivery.Retrying ? d.NextAttemptAt : null, d.SentAt, d.MessageId, d.ProviderMessageId, d.LastError);
    }
}
