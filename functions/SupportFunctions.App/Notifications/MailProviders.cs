namespace SupportFunctions.App.Notifications;

/// <summary>Values of <c>SupportFunctions:Mail:Provider</c>.</summary>
public static class MailProviders
{
    public const string Outbox = "Outbox";
    public const string SendGrid = "SendGrid";
}
