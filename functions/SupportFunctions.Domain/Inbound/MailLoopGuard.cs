using SupportFunctions.Domain.Directory;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.Domain.Inbound;

/// <summary>
/// Mail that must never open a case or get an answer, because answering it starts a mail loop: auto-replies, bulk
/// mail, bounces, robot senders, and our own outgoing mail coming back.
/// </summary>
public static class MailLoopGuard
{
    private static readonly string[] RobotMailboxes = ["mailer-daemon", "postmaster", "no-reply", "noreply", "do-not-reply", "donotreply", "bounce", "bounces"];

    private static readonly string[] BulkPrecedence = ["bulk", "junk", "auto_reply", "list"];

    /// <summary>Why this mail is automated (and must be ignored), or null for mail a person sent.</summary>
    public static string? Reason(InboundEmail email, InboundEmailRules rules)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(rules);
        if (email.Headers.Get("Auto-Submitted") is { } autoSubmitted && !autoSubmitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return $"Auto-Submitted: {autoSubmitted}";
        }

        foreach (var header in (string[])["X-Autoreply", "X-Autorespond", "X-Auto-Response"])
        {
            if (email.Headers.Has(header))
            {
                return $"{header} header";
            }
        }

        if (email.Headers.Get("Precedence") is { } precedence && BulkPrecedence.Contains(precedence.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return $"Precedence: {precedence}";
        }

        if (email.EnvelopeFrom is { } envelopeFrom && (envelopeFrom.Length == 0 || envelopeFrom == "<>"))
        {
            return "empty envelope sender (a bounce)";
        }

        var sender = EmailAddress.Normalize(email.From.Address);
        var at = sender.LastIndexOf('@');
        var local = at > 0 ? sender[..at] : sender;
        var domain = at > 0 ? sender[(at + 1)..] : string.Empty;
        if (RobotMailboxes.Contains(local, StringComparer.Ordinal))
        {
            return $"robot sender {sender}";
        }

        if (OwnDomains(rules).Contains(domain, StringComparer.OrdinalIgnoreCase))
        {
            return $"sent from our own domain {domain}";
        }

        return null;
    }

    public static IEnumerable<string> OwnDomains(InboundEmailRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var support = EmailAddress.Normalize(rules.SupportAddress);
        return rules.OwnDomains.Append(support[(support.LastIndexOf('@') + 1)..]);
    }
}
