using System.Globalization;
using Microsoft.Extensions.Options;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Directory;
using SupportFunctions.Domain.Inbound;
using SupportFunctions.Domain.Notifications;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Notifications;

/// <summary>
/// Turns an intent into a mail: resolves its recipients (addresses; <c>team:</c> and <c>oncall:</c> → the team's
/// agents), applies the partner rule (the vendor never mails the customer of a partner-managed account when the policy
/// says so), renders the template in the intent's language, and adds the headers that let replies thread to the case.
/// </summary>
public sealed class NotificationComposer(SupportPolicy policy, RecentDirectory directory, IOptions<MailOptions> options)
{
    private readonly MailTemplateCatalog _templates = MailTemplateCatalog.Default;

    public string FromAddress => string.IsNullOrWhiteSpace(options.Value.FromAddress) ? policy.InboundEmail?.SupportAddress ?? "support@localhost.invalid" : options.Value.FromAddress.Trim();

    private string MessageIdDomain => FromAddress[(FromAddress.IndexOf('@', StringComparison.Ordinal) + 1)..];

    /// <summary>The Message-ID every attempt of this intent carries.</summary>
    public string MessageIdOf(string intentId) => $"<{intentId}@{MessageIdDomain}>";

    /// <summary>The id a case's conversation hangs from: every mail about the case references it.</summary>
    public string ThreadRootOf(string caseNumber) => $"<{caseNumber}@{MessageIdDomain}>";

    /// <summary>The mail of an intent, with its case as the caller read it (null: the case no longer exists).</summary>
    public async Task<ComposedNotification> ComposeAsync(NotificationIntent intent, SupportCase? c, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        if (c is null)
        {
            return new ComposedNotification(null, $"case {intent.CaseNumber} no longer exists");
        }

        if (c.AnonymisedAt is not null && intent.Kind != NotificationKinds.PartnerProblemReport)
        {
            return new ComposedNotification(null, "the case's personal data was purged");
        }

        var account = c.AccountId is null ? null : await directory.AccountAsync(c.AccountId, cancellationToken);
        var recipients = await RecipientsAsync(intent, c, account, cancellationToken);
        if (recipients.Count == 0)
        {
            var partnerRule = !VendorMayMailCustomersOf(account);
            return new ComposedNotification(null, partnerRule ? "the account is looked after by a partner and the policy says the vendor does not contact its customers" : await NoRecipientAsync(intent, cancellationToken), partnerRule);
        }

        var rendered = MailRenderer.Render(_templates, intent.Kind, intent.Language, c.Number, Values(intent, c, account));
        var inReplyTo = intent.Data.TryGetValue("inReplyTo", out var replyTo) && !string.IsNullOrWhiteSpace(replyTo) ? replyTo : null;
        var references = new List<string> { ThreadRootOf(c.Number) };
        if (inReplyTo is not null)
        {
            references.Add(inReplyTo);
        }

        var mail = new OutgoingMail
        {
            IntentId = intent.Id,
            CaseNumber = c.Number,
            Kind = intent.Kind,
            CreatedAt = intent.CreatedAt,
            FromAddress = FromAddress,
            FromName = options.Value.FromName,
            ReplyTo = policy.InboundEmail is { } inbound ? CaseReferences.PlusAddress(inbound.SupportAddress, c.Number) : null,
            Envelopes = Envelopes(intent, c, recipients),
            Subject = rendered.Subject,
            Text = rendered.Text,
            Html = rendered.Html,
            Language = rendered.Language,
            MessageId = MessageIdOf(intent.Id),
            InReplyTo = inReplyTo ?? ThreadRootOf(c.Number),
            References = references,
            Categories = ["support", intent.Kind],
            CustomArgs = new Dictionary<string, string> { ["case_number"] = c.Number, ["intent_id"] = intent.Id, ["kind"] = intent.Kind },
        };
        return new ComposedNotification(mail, null);
    }

    /// <summary>What happened to each recipient of an intent that reached nobody: "team support-leads has no agents".</summary>
    private async Task<string> NoRecipientAsync(NotificationIntent intent, CancellationToken cancellationToken)
    {
        if (intent.Recipients.Count == 0)
        {
            return "the notification names no recipient";
        }

        var agents = await directory.AgentsAsync(cancellationToken);
        return string.Join("; ", intent.Recipients.Select(recipient =>
        {
            var colon = recipient.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && recipient[..colon] is "team" or "oncall")
            {
                var team = recipient[(colon + 1)..];
                var members = agents.Count(a => a.Teams.Contains(team, StringComparer.OrdinalIgnoreCase));
                return members == 0 ? $"team {team} has no agents" : $"none of team {team}'s {members} agents has a valid email address";
            }

            return $"'{recipient}' is not a valid email address";
        }));
    }

    private bool VendorMayMailCustomersOf(CustomerAccount? account) => policy.PartnerSupport?.VendorMayMailCustomersOf(account) ?? true;

    private async Task<IReadOnlyList<string>> RecipientsAsync(NotificationIntent intent, SupportCase c, CustomerAccount? account, CancellationToken cancellationToken)
    {
        var customer = new HashSet<string>(c.CustomerRecipients().Select(EmailAddress.Normalize), StringComparer.Ordinal);
        var partnerManaged = !VendorMayMailCustomersOf(account);
        var addresses = new List<string>();
        IReadOnlyList<SupportAgent>? agents = null;
        foreach (var recipient in intent.Recipients)
        {
            var colon = recipient.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && recipient[..colon] is "team" or "oncall")
            {
                // No on-call rota is modelled: a page goes to every agent of the team.
                agents ??= await directory.AgentsAsync(cancellationToken);
                var team = recipient[(colon + 1)..];
                addresses.AddRange(agents.Where(a => a.Teams.Contains(team, StringComparer.OrdinalIgnoreCase)).Select(a => a.Email));
            }
            else if (EmailAddress.IsValid(recipient) && !(partnerManaged && customer.Contains(EmailAddress.Normalize(recipient))))
            {
                addresses.Add(recipient);
            }
        }

        return addresses.Where(EmailAddress.IsValid).DistinctBy(EmailAddress.Normalize).ToList();
    }

    /// <summary>
    /// The customer and the CCs on their case share one mail (they see each other, as they asked); anyone else — agents,
    /// a partner's support contacts — gets a copy of their own.
    /// </summary>
    private static List<MailEnvelope> Envelopes(NotificationIntent intent, SupportCase c, IReadOnlyList<string> recipients)
    {
        var customer = new HashSet<string>(c.CustomerRecipients().Select(EmailAddress.Normalize), StringComparer.Ordinal);
        if (intent.Kind != NotificationKinds.PartnerProblemReport && recipients.All(r => customer.Contains(EmailAddress.Normalize(r))))
        {
            var to = recipients.FirstOrDefault(r => EmailAddress.Normalize(r) == EmailAddress.Normalize(c.RequesterEmail)) ?? recipients[0];
            return [new MailEnvelope([to], recipients.Where(r => r != to).ToList())];
        }

        return recipients.Select(r => new MailEnvelope([r], [])).ToList();
    }

    private Dictionary<string, string> Values(NotificationIntent intent, SupportCase c, CustomerAccount? account)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["number"] = c.Number,
            ["subject"] = c.Subject,
            ["description"] = c.Description,
            ["severity"] = c.Severity.ToString(CultureInfo.InvariantCulture),
            ["status"] = c.Status.ToString(),
            ["category"] = policy.Categories.FirstOrDefault(k => k.Id == c.Category)?.Name ?? c.Category,
            ["account"] = account?.Name ?? c.AccountId ?? string.Empty,
            ["requester"] = string.IsNullOrWhiteSpace(c.RequesterName) ? c.RequesterEmail : $"{c.RequesterName} <{c.RequesterEmail}>",
        };
        foreach (var (key, value) in intent.Data)
        {
            values[key] = value;
        }

        CustomerTexts.Humanize(intent.Kind, values, intent.Language, c.TimeZone);

        // Team ids are policy identifiers; mail shows the team's name.
        values["team"] = policy.FindTeam(values.GetValueOrDefault("team") ?? c.Team)?.Name ?? values.GetValueOrDefault("team") ?? c.Team;
        return values;
    }
}
