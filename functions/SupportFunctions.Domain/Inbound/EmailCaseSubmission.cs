using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Directory;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.Domain.Inbound;

/// <summary>
/// What a new mail asks for, as a case submission: its subject and reply text within the policy's lengths (the full
/// mail stays in storage), the category of the address it was sent to, and its CCs other than the sender and us.
/// </summary>
public static class EmailCaseSubmission
{
    public static CaseSubmission From(SupportPolicy policy, InboundEmail email, IReadOnlyList<ConfirmedAttachment> attachments)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(email);
        var rules = policy.InboundEmail ?? throw new InvalidOperationException("The policy takes no email.");
        var sender = EmailAddress.Normalize(email.From.Address);
        var ours = MailLoopGuard.OwnDomains(rules).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new CaseSubmission
        {
            Subject = Clip(string.IsNullOrWhiteSpace(email.Subject) ? "(no subject)" : email.Subject, policy.Intake.MaxSubjectLength),
            Description = Clip(QuotedReplyTrimmer.Trim(email.Body) is { Length: > 0 } text ? text : "(empty message)", policy.Intake.MaxDescriptionLength),
            Category = EmailRouting.Category(policy, email),
            Cc = email.Cc.Select(c => EmailAddress.Normalize(c.Address))
                .Where(c => c != sender && !ours.Contains(c[(c.LastIndexOf('@') + 1)..]))
                .Distinct().Take(policy.Intake.MaxCcEmails).ToList(),
            Attachments = attachments,
        };
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..Math.Max(0, max - 1)] + "…";
}
