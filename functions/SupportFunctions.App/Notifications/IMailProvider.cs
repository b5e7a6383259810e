namespace SupportFunctions.App.Notifications;

/// <summary>Delivers rendered notifications: SendGrid in production, the blob outbox locally.</summary>
public interface IMailProvider
{
    string Name { get; }

    Task<MailSendResult> SendAsync(OutgoingMail mail, CancellationToken cancellationToken);

    /// <summary>Whether the provider already accepted this intent (an earlier attempt was cut off); null when it cannot tell.</summary>
    Task<bool?> WasAcceptedAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
