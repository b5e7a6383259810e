using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Directory;

namespace SupportFunctions.Domain.Inbound;

/// <summary>
/// A case token in a subject is easy to forge, so it threads a mail only when the sender already belongs to the case:
/// its requester, one of its CCs, or a contact of the same account.
/// </summary>
public static class SubjectTokenTrust
{
    public static bool SenderBelongsTo(SupportCase c, string senderEmail, Contact? senderContact)
    {
        ArgumentNullException.ThrowIfNull(c);
        var sender = EmailAddress.Mailbox(senderEmail);
        if (EmailAddress.Mailbox(c.RequesterEmail) == sender || c.Cc.Any(cc => EmailAddress.Mailbox(cc) == sender))
        {
            return true;
        }

        return senderContact is not null && c.AccountId is not null && string.Equals(senderContact.AccountId, c.AccountId, StringComparison.Ordinal);
    }
}
