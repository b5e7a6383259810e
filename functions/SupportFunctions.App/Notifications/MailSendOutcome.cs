namespace SupportFunctions.App.Notifications;

public enum MailSendOutcome
{
    Accepted,
    Transient,
    Permanent,
}
