using System.Text.RegularExpressions;
using SupportFunctions.Domain.Directory;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.Domain.Inbound;

/// <summary>Case numbers written into mail: a plus-addressed support address (support+CS-000123@…) and a subject token ([CS-000123]).</summary>
public sealed class CaseReferences
{
    private readonly Regex _number;
    private readonly Regex _token;
    private readonly string _supportMailbox;

    public CaseReferences(SupportPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var number = $"{Regex.Escape(policy.Intake.CaseNumberPrefix)}-[0-9]{{{policy.Intake.CaseNumberDigits}}}";
        _number = new Regex($"^{number}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        _token = new Regex($@"\[({number})\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        _supportMailbox = policy.InboundEmail is { } email ? EmailAddress.Mailbox(email.SupportAddress) : string.Empty;
    }

    /// <summary>The case a plus-addressed support address names, from any of the recipients.</summary>
    public string? FromRecipients(IEnumerable<string> recipients)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        foreach (var recipient in recipients.Select(EmailAddress.Normalize))
        {
            var at = recipient.IndexOf('@', StringComparison.Ordinal);
            var plus = recipient.IndexOf('+', StringComparison.Ordinal);
            if (plus > 0 && plus < at && EmailAddress.Mailbox(recipient) == _supportMailbox)
            {
                var tag = recipient[(plus + 1)..at];
                if (_number.IsMatch(tag))
                {
                    return tag.ToUpperInvariant();
                }
            }
        }

        return null;
    }

    /// <summary>The case a subject token names ("Re: [CS-000123] Login fails").</summary>
    public string? FromSubject(string? subject)
    {
        var match = subject is null ? null : _token.Match(subject);
        return match is { Success: true } ? match.Groups[1].Value.ToUpperInvariant() : null;
    }

    /// <summary>"[CS-000123] subject": what outgoing mail puts in the subject so replies thread.</summary>
    public static string Token(string caseNumber) => $"[{caseNumber}]";

    /// <summary>support+CS-000123@domain: the reply-to address of a case's mail.</summary>
    public static string PlusAddress(string supportAddress, string caseNumber)
    {
        ArgumentNullException.ThrowIfNull(supportAddress);
        var at = supportAddress.IndexOf('@', StringComparison.Ordinal);
        return $"{supportAddress[..at]}+{caseNumber}{supportAddress[at..]}";
    }
}
