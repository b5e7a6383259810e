using System.Security.Cryptography;
using System.Text.Json;
using SupportFunctions.App.Cases;
using SupportFunctions.App.Security;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Directory;
using SupportFunctions.Domain.Inbound;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Inbound;

/// <summary>
/// Applies a stored call event: the caller is found by number and verified by the account PIN; the call's first event
/// opens its case (a verified call on the Sev1 line opens a Sev1 with its clock and an on-call page), and every event
/// of the call — completed, recording ready, transcript — is recorded on that same case once.
/// </summary>
public sealed class VoiceCallProcessor(
    SupportPolicy policy,
    CaseIntakeService intake,
    CaseChanges changes,
    CaseRepository cases,
    DirectoryRepository directory,
    CallCaseNumbers numbers,
    InboundRecordRepository records,
    TimeProvider time,
    ILogger<VoiceCallProcessor> logger)
{
    public async Task ProcessAsync(InboundItem item, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        var call = Read(item, body);
        if (call is null || policy.Voice is null)
        {
            await RecordAsync(item, call, "rejected", call is null ? "the stored call event cannot be read" : "this policy takes no calls (no voice section)", cancellationToken);
            return;
        }

        var (contact, account, verified, refusal) = await IdentifyAsync(call, cancellationToken);
        if (contact is null || account is null)
        {
            Logs.CallRefused(logger, call.CallId, refusal!);
            await RecordAsync(item, call, "refused", refusal!, cancellationToken);
            return;
        }

        var number = item.CaseNumber ?? await numbers.ReserveAsync(call.CallId, cancellationToken);
        if (await cases.GetAsync(number, cancellationToken) is null && !await OpenAsync(item, call, contact, account, verified, cancellationToken))
        {
            return;
        }

        var receipt = $"call:{call.CallId}:{Convert.ToHexString(SHA256.HashData(body))}";
        await changes.ApplyOnceAsync(number, receipt, stored => new CaseChange(CallCase.RecordEvent(Change(stored, call), call)), cancellationToken);
        if (call.Request is not null)
        {
            await changes.ApplyOnceAsync(number, $"operator:{call.CallId}:{call.Request}", stored => new CaseChange(CallCase.OperatorRequest(Change(stored, call), call, contact, verified)), cancellationToken);
        }

        Logs.CallApplied(logger, call.CallId, item.Id, number);
    }

    private static VoiceCall? Read(InboundItem item, byte[] body)
    {
        if (item.Channel == InboundChannels.Twilio)
        {
            return VoiceCallReader.FromTwilio(VoiceCallReader.Form(body)).Call;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return VoiceCallReader.FromJson(document.RootElement).Call;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The contact calling: by number; a number several contacts share is settled by whose account the PIN opens.</summary>
    private async Task<(Contact? Contact, CustomerAccount? Account, bool Verified, string? Refusal)> IdentifyAsync(VoiceCall call, CancellationToken cancellationToken)
    {
        var candidates = await directory.FindContactsByPhoneAsync(call.From, cancellationToken);
        if (candidates.Count == 0)
        {
            return (null, null, false, $"caller {call.From} is not a registered contact");
        }

        var verifiedIn = new List<Contact>();
        foreach (var candidate in candidates)
        {
            if (PhonePin.Verify(call.Pin, await directory.GetPhonePinHashAsync(candidate.AccountId, cancellationToken)))
            {
                verifiedIn.Add(candidate);
            }
        }

        var contact = verifiedIn.Count == 1 ? verifiedIn[0] : candidates.Count == 1 ? candidates[0] : null;
        if (contact is null)
        {
            return (null, null, false, $"caller {call.From} is shared by {candidates.Count} contacts and no account PIN singled one out");
        }

        var account = (await directory.GetAccountAsync(contact.AccountId, cancellationToken))?.Account;
        return account is null
            ? (null, null, false, $"the account of contact {contact.Id} no longer exists")
            : (contact, account, verifiedIn.Contains(contact), null);
    }

    private async Task<bool> OpenAsync(InboundItem item, VoiceCall call, Contact contact, CustomerAccount account, bool verified, CancellationToken cancellationToken)
    {
        var submission = CallCase.Submission(policy, call, contact, verified);
        var request = new CaseOpeningRequest(Requester.ForContact("phone", contact, account), submission, $"phone:{call.From}", new IdempotencyClaim(CallCaseNumbers.Caller, call.CallId, CallCaseNumbers.RequestHash(call.CallId)));
        switch (await intake.OpenAsync(request, cancellationToken))
        {
            case CaseCreation.Created or CaseCreation.Replayed:
                return true;
            case CaseCreation.Invalid invalid:
                await RecordAsync(item, call, "rejected", "the call does not make a valid case: " + string.Join("; ", invalid.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")), cancellationToken);
                return false;
            case CaseCreation.Refused refused:
                await RecordAsync(item, call, "refused", refused.Reason, cancellationToken);
                return false;
            default:
                return false;
        }
    }

    private CaseChangeBuilder Change(StoredCase stored, VoiceCall call) => new(stored.Case, time.GetUtcNow(), $"phone:{call.From}");

    private Task RecordAsync(InboundItem item, VoiceCall? call, string disposition, string reason, CancellationToken cancellationToken) =>
        records.RecordAsync(new InboundRecord
        {
            Id = item.Id,
            Disposition = disposition,
            Channel = item.Channel,
            ReceivedAt = item.ReceivedAt,
            Reason = reason,
            Sender = call?.From,
            Subject = call is null ? null : $"call {call.CallId} to {call.To}",
            Source = item.Blob,
            DataClass = InboundChannels.DataClassOf(item.Channel),
            ExpiresAt = policy.ExpiresAt(InboundChannels.DataClassOf(item.Channel), item.ReceivedAt),
        }, cancellationToken);
}
