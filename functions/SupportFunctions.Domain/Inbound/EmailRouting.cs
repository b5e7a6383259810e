using SupportFunctions.Domain.Directory;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.Domain.Inbound;

/// <summary>Where a new email goes: the category whose inbound address it was sent to (else the default), and whether it was sent to an escalation address.</summary>
public static class EmailRouting
{
    public static string Category(SupportPolicy policy, InboundEmail email)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(email);
        var rules = policy.InboundEmail ?? throw new InvalidOperationException("The policy takes no email.");
        var mailboxes = email.Recipients.Select(EmailAddress.Mailbox).ToHashSet(StringComparer.Ordinal);
        var category = policy.Categories.FirstOrDefault(c => c.InboundAddresses.Any(a => mailboxes.Contains(EmailAddress.Mailbox(a))));
        return category?.Id ?? rules.DefaultCategory;
    }

    public static bool IsEscalation(SupportPolicy policy, InboundEmail email)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(email);
        var escalation = (policy.InboundEmail?.EscalationAddresses ?? []).Select(EmailAddress.Mailbox).ToHashSet(StringComparer.Ordinal);
        return email.Recipients.Any(r => escalation.Contains(EmailAddress.Mailbox(r)));
    }
}
