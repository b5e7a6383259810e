using System.Text.Json;
using SupportFunctions.App.Cases;
using SupportFunctions.App.Uploads;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Directory;
using SupportFunctions.Domain.Inbound;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Inbound;

/// <summary>
/// Turns a stored SendGrid post into its one effect: ignored (automated mail), quarantined (spam), held (flood),
/// a customer reply on the case it threads to, or a new case — exactly once per Message-ID however often delivered.
/// </summary>
public sealed class InboundEmailProcessor(
    SupportPolicy policy,
    CaseIntakeService intake,
    CaseChanges changes,
    CaseRepository cases,
    DirectoryRepository directory,
    MessageIdRepository messageIds,
    InboundRecordRepository records,
    SenderFloodCounter flood,
    UploadService uploads,
    TimeProvider time,
    ILogger<InboundEmailProcessor> logger)
{
    private readonly CaseReferences _references = new(policy);

    public async Task ProcessAsync(InboundItem item, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var (fields, files) = await MultipartFormReader.ReadAsync(body, item.ContentType, cancellationToken);
        var (email, problem) = InboundEmailParser.Parse(fields, files);
        if (email is null || policy.InboundEmail is not { } rules)
        {
            await RecordAsync(item, "rejected", problem ?? "this policy takes no email (no inboundEmail section)", null, null, cancellationToken);
            return;
        }

        var sender = EmailAddress.Normalize(email.From.Address);
        if (MailLoopGuard.Reason(email, rules) is { } automated)
        {
            Logs.InboundMailIgnored(logger, item.Id, sender, automated);
            await RecordAsync(item, "ignored", automated, email, null, cancellationToken);
            return;
        }

        if (rules.SpamScoreThreshold is { } threshold && email.SpamScore > threshold)
        {
            await RecordAsync(item, "quarantined", $"spam score {email.SpamScore:0.###} is above {threshold:0.###}", email, null, cancellationToken);
            return;
        }

        // The Message-ID names the mail across deliveries (SendGrid retries, a sender's duplicate); without one, our receipt does.
        var mailKey = email.MessageId ?? "item:" + item.Id;
        if (await flood.CountAsync(sender, mailKey, item.ReceivedAt, rules.SenderWindow, cancellationToken) > rules.SenderLimit)
        {
            await RecordAsync(item, "held", $"more than {rules.SenderLimit} messages from {sender} within {rules.SenderWindow}", email, null, cancellationToken);
            return;
        }

        var senderContact = await directory.FindContactByEmailAsync(sender, cancellationToken)
            ?? (EmailAddress.Mailbox(sender) is var mailbox && mailbox != sender ? await directory.FindContactByEmailAsync(mailbox, cancellationToken) : null);
        var threaded = await ThreadAsync(item, email, senderContact, cancellationToken);
        if (threaded is not null)
        {
            await ReplyAsync(threaded, item, email, mailKey, sender, cancellationToken);
        }
        else
        {
            await OpenAsync(item, email, mailKey, sender, senderContact, cancellationToken);
        }
    }

    /// <summary>In-Reply-To/References of mail we know, then a plus-addressed recipient, then a subject token the sender may use.</summary>
    private async Task<StoredCase?> ThreadAsync(InboundItem item, InboundEmail email, Contact? senderContact, CancellationToken cancellationToken)
    {
        foreach (var number in new[] { await messageIds.FindCaseAsync(email.ThreadIds, cancellationToken), _references.FromRecipients(email.Recipients) })
        {
            if (number is not null && await cases.GetAsync(number, cancellationToken) is { } found)
            {
                return found;
            }
        }

        if (_references.FromSubject(email.Subject) is { } token && await cases.GetAsync(token, cancellationToken) is { } named)
        {
            if (SubjectTokenTrust.SenderBelongsTo(named.Case, email.From.Address, senderContact))
            {
                return named;
            }

            Logs.SubjectTokenMismatch(logger, item.Id, token, EmailAddress.Normalize(email.From.Address));
        }

        return null;
    }

    private async Task ReplyAsync(StoredCase threaded, InboundItem item, InboundEmail email, string mailKey, string sender, CancellationToken cancellationToken)
    {
        var number = threaded.Case.Number;
        var attachments = await StoreAttachmentsAsync(item, email, $"cases/{number}/", cancellationToken);
        var text = QuotedReplyTrimmer.Trim(email.Body);
        var escalation = EmailRouting.IsEscalation(policy, email);
        await changes.ApplyOnceAsync(number, "email:" + mailKey, stored =>
        {
            var change = new CaseChangeBuilder(stored.Case, time.GetUtcNow(), "email:" + sender);
            CaseLifecycle.CustomerReply(change, policy, text);
            if (escalation)
            {
                CaseLifecycle.RequestEscalation(change, policy, text, stored.Case.Environment, "mailed to the escalation address");
            }

            return new CaseChange(change) { Attachments = attachments };
        }, cancellationToken);
        await RememberAsync(email, number, cancellationToken);
        Logs.InboundMailThreaded(logger, item.Id, number);
    }

    private async Task OpenAsync(InboundItem item, InboundEmail email, string mailKey, string sender, Contact? senderContact, CancellationToken cancellationToken)
    {
        var account = senderContact is null ? null : (await directory.GetAccountAsync(senderContact.AccountId, cancellationToken))?.Account;
        var requester = senderContact is not null && account is not null
            ? Requester.ForContact("email", senderContact, account)
            : Requester.Anonymous("email", sender, email.From.Name);
        var attachments = await StoreAttachmentsAsync(item, email, $"email/{item.Id}/", cancellationToken);
        var submission = EmailCaseSubmission.From(policy, email, attachments.Select(a => a.Confirmation).ToList());
        var acknowledgement = new Dictionary<string, string>();
        if (email.MessageId is not null)
        {
            acknowledgement["inReplyTo"] = email.MessageId;
        }

        var request = new CaseOpeningRequest(requester, submission, "email:" + sender, new IdempotencyClaim("email", mailKey, IdempotencyRepository.Hash(mailKey)))
        {
            Attachments = attachments,
            AcknowledgementData = acknowledgement,
        };
        switch (await intake.OpenAsync(request, cancellationToken))
        {
            case CaseCreation.Created created:
                await AfterOpeningAsync(created.Case.Number, email, mailKey, cancellationToken);
                Logs.InboundMailOpenedCase(logger, item.Id, created.Case.Number);
                break;
            case CaseCreation.Replayed replayed:
                await AfterOpeningAsync(replayed.Case.Number, email, mailKey, cancellationToken);
                break;
            case CaseCreation.Invalid invalid:
                await RecordAsync(item, "rejected", "the mail does not make a valid case", email, JsonSerializer.Serialize(invalid.Errors), cancellationToken);
                break;
            case CaseCreation.Refused refused:
                await RecordAsync(item, "refused", refused.Reason, email, null, cancellationToken);
                break;
            case CaseCreation.KeyReused:
                // Another delivery of this Message-ID with different content already opened the case: one effect only.
                break;
        }
    }

    private async Task AfterOpeningAsync(string number, InboundEmail email, string mailKey, CancellationToken cancellationToken)
    {
        if (EmailRouting.IsEscalation(policy, email))
        {
            var text = QuotedReplyTrimmer.Trim(email.Body);
            await changes.ApplyOnceAsync(number, "escalation:" + mailKey, stored =>
            {
                var change = new CaseChangeBuilder(stored.Case, time.GetUtcNow(), "email:" + EmailAddress.Normalize(email.From.Address));
                CaseLifecycle.RequestEscalation(change, policy, text, stored.Case.Environment, "mailed to the escalation address");
                return new CaseChange(change);
            }, cancellationToken);
        }

        await RememberAsync(email, number, cancellationToken);
    }

    /// <summary>The mail's own Message-ID threads later mail that answers it (a CC replying to all).</summary>
    private async Task RememberAsync(InboundEmail email, string number, CancellationToken cancellationToken)
    {
        if (email.MessageId is not null)
        {
            await messageIds.RecordAsync(email.MessageId, number, cancellationToken);
        }
    }

    /// <summary>Stores the mail's files under stable names (a redelivery overwrites the same blobs) as confirmed attachments.</summary>
    private async Task<IReadOnlyList<CaseAttachment>> StoreAttachmentsAsync(InboundItem item, InboundEmail email, string prefix, CancellationToken cancellationToken)
    {
        var attachments = new List<CaseAttachment>();
        foreach (var file in email.Attachments)
        {
            var id = IdempotencyRepository.Hash(item.Id + "|" + file.Part)[..20].ToLowerInvariant();
            if (await uploads.StoreReceivedAsync(prefix, id, file.FileName, file.ContentType, file.Content, "email:" + EmailAddress.Normalize(email.From.Address), cancellationToken) is { } stored)
            {
                attachments.Add(stored);
            }
        }

        return attachments;
    }

    private Task RecordAsync(InboundItem item, string disposition, string reason, InboundEmail? email, string? problemJson, CancellationToken cancellationToken) =>
        records.RecordAsync(new InboundRecord
        {
            Id = item.Id,
            Disposition = disposition,
            Channel = InboundChannels.Email,
            ReceivedAt = item.ReceivedAt,
            Reason = reason,
            ProblemJson = problemJson,
            Sender = email is null ? null : EmailAddress.Normalize(email.From.Address),
            Subject = email?.Subject,
            Source = item.Blob,
            DataClass = InboundChannels.DataClassOf(InboundChannels.Email),
            ExpiresAt = policy.ExpiresAt(InboundChannels.DataClassOf(InboundChannels.Email), item.ReceivedAt),
        }, cancellationToken);

}
