using SupportFunctions.Domain.Directory;

namespace SupportFunctions.Domain.Inbound;

/// <summary>
/// An emergency operator request — a caller asks support to send a notification on their behalf — is allowed only for
/// a registered user with unexpired credentials whose role permits sending, and who does not sign in only through SSO
/// unless they hold break-glass credentials.
/// </summary>
public static class OperatorRequestCheck
{
    public const string SendNotification = "send-notification";

    /// <summary>Why support may not send on this contact's behalf, or null when it may.</summary>
    public static string? Refusal(Contact? contact, bool verified, DateTimeOffset now)
    {
        if (contact is null)
        {
            return "the caller is not a registered contact";
        }

        if (!verified)
        {
            return "the caller did not verify with the account PIN";
        }

        if (!contact.Registered)
        {
            return "the contact is not a registered user of the product";
        }

        if (contact.CredentialsExpireAt is { } expires && expires <= now)
        {
            return $"the contact's credentials expired at {expires:u}";
        }

        if (!contact.MaySendNotifications)
        {
            return "the contact's role does not permit sending notifications";
        }

        if (contact.SsoOnly && !contact.BreakGlass)
        {
            return "the contact signs in only through SSO and holds no break-glass credentials";
        }

        return null;
    }
}
