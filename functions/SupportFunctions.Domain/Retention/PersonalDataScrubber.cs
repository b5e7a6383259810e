using System.Text.RegularExpressions;
using SupportFunctions.Domain.Cases;

namespace SupportFunctions.Domain.Retention;

/// <summary>
/// Anonymises a closed case: the requester's name, email and phone and the CC addresses leave the case row, and every
/// mention of them — plus any other email address or +E.164 number — leaves its free text (subject, description,
/// fields, event details, file names). Numbers, timestamps, categories, SLA outcomes and the audit trail's shape stay.
/// </summary>
public static partial class PersonalDataScrubber
{
    public const string Redacted = "[redacted]";
    public const string AnonymousEmail = "redacted@anonymised.invalid";

    /// <summary>Event data keys whose values are personal by themselves (a caller's number, a sender's address).</summary>
    private static readonly HashSet<string> PersonalKeys = new(StringComparer.OrdinalIgnoreCase) { "from", "caller", "phone", "email", "sender", "name", "requester", "requesterEmail", "requesterName", "cc" };

    public static ScrubbedCase Scrub(SupportCase supportCase, IReadOnlyList<CaseEvent> events, IReadOnlyList<CaseAttachment> attachments, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(supportCase);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(attachments);
        var mentions = Mentions(supportCase, events);
        var redactions = 0;
        string Clean(string text)
        {
            var cleaned = Redact(text, mentions);
            if (!string.Equals(cleaned, text, StringComparison.Ordinal))
            {
                redactions++;
            }

            return cleaned;
        }

        var scrubbed = supportCase with
        {
            Subject = Clean(supportCase.Subject),
            Description = Clean(supportCase.Description),
            Environment = supportCase.Environment is null ? null : Clean(supportCase.Environment),
            Fields = supportCase.Fields.ToDictionary(f => f.Key, f => Clean(f.Value), StringComparer.Ordinal),
            Warnings = supportCase.Warnings.Select(w => w with { Message = Clean(w.Message) }).ToList(),
            ClosureNotice = supportCase.ClosureNotice is null ? null : Clean(supportCase.ClosureNotice),
            AwaitingCustomerChange = supportCase.AwaitingCustomerChange is null ? null : Clean(supportCase.AwaitingCustomerChange),
            RequesterEmail = AnonymousEmail,
            RequesterName = null,
            RequesterContactId = null,
            Cc = [],
            AnonymisedAt = at,
        };

        var changedEvents = new List<CaseEvent>();
        foreach (var e in events)
        {
            var data = e.Data.ToDictionary(d => d.Key, d => PersonalKeys.Contains(d.Key) && d.Value.Length > 0 ? Redacted : Clean(d.Value), StringComparer.Ordinal);
            var actor = e.Actor.StartsWith("anonymous:", StringComparison.Ordinal) ? "anonymous:" + Redacted : e.Actor;
            if (!string.Equals(actor, e.Actor, StringComparison.Ordinal) || data.Any(d => !string.Equals(d.Value, e.Data[d.Key], StringComparison.Ordinal)))
            {
                changedEvents.Add(e with { Actor = actor, Data = data });
            }
        }

        var changedAttachments = attachments
            .Select(a => (Before: a, After: a with { FileName = Clean(a.FileName) }))
            .Where(p => !string.Equals(p.Before.FileName, p.After.FileName, StringComparison.Ordinal))
            .Select(p => p.After)
            .ToList();
        return new ScrubbedCase(scrubbed, changedEvents, changedAttachments, redactions + changedEvents.Count);
    }

    /// <summary>The literal strings to remove: the requester's email, name (whole and each part of 3+ letters), CCs and known phone numbers.</summary>
    private static List<string> Mentions(SupportCase c, IReadOnlyList<CaseEvent> events)
    {
        var mentions = new List<string> { c.RequesterEmail };
        mentions.AddRange(c.Cc);
        if (!string.IsNullOrWhiteSpace(c.RequesterName))
        {
            mentions.Add(c.RequesterName);
            mentions.AddRange(c.RequesterName.Split([' ', '.', ',', '-'], StringSplitOptions.RemoveEmptyEntries).Where(part => part.Length >= 3));
        }

        mentions.AddRange(events.SelectMany(e => e.Data).Where(d => PersonalKeys.Contains(d.Key) && d.Value.Length >= 3).Select(d => d.Value));
        return mentions.Where(m => !string.IsNullOrWhiteSpace(m) && m != AnonymousEmail && m != Redacted)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(m => m.Length) // the full name before its parts, so no half-name is left behind
            .ToList();
    }

    private static string Redact(string text, List<string> mentions)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var result = EmailPattern().Replace(text, Redacted);
        result = PhonePattern().Replace(result, Redacted);
        foreach (var mention in mentions)
        {
            result = Regex.Replace(result, @"(?<![\p{L}\p{N}])" + Regex.Escape(mention) + @"(?![\p{L}\p{N}])", Redacted, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        return result;
    }

    [GeneratedRegex(@"[\p{L}\p{N}._%+\-']+@[\p{L}\p{N}.\-]+\.[\p{L}]{2,}", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex EmailPattern();

    /// <summary>International numbers only (a leading +): dates, case numbers and counts have none.</summary>
    [GeneratedRegex(@"\+\d[\d\s().\-]{6,18}\d", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex PhonePattern();
}
