using System.Security.Cryptography;
using System.Text.Json;
using SupportFunctions.App.Durable;
using SupportFunctions.App.Notifications;
using SupportFunctions.App.Partners;
using SupportFunctions.App.Security;
using SupportFunctions.App.Sla;
using SupportFunctions.App.Uploads;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Directory;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Domain.Sla;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Cases;

/// <summary>
/// Opens cases from any channel: reads the request, checks it against the policy (nothing is written for an invalid or
/// refused request), honours idempotency keys, and writes the case with its audit event and acknowledgement intent in
/// one transaction after the view entries that make it findable.
/// </summary>
public sealed class CaseIntakeService(
    SupportPolicy policy,
    DirectoryRepository directory,
    CaseRepository cases,
    CaseListings listings,
    IdempotencyRepository idempotency,
    CaseNumberAllocator numbers,
    UploadService uploads,
    CaseOrchestrations orchestrations,
    ErrorSignatureRepository errorSignatures,
    NotificationDispatcher notifications,
    SupportContactDirectory supportContacts,
    CaseViews views,
    TimeProvider time,
    ILogger<CaseIntakeService> logger)
{
    /// <summary>How many taken numbers one request skips before it gives up (each skip checks a fresh block of 20).</summary>
    private const int MaxNumberAttempts = 50;

    /// <summary>Opens a case for an authenticated contact, or for an anonymous requester when <paramref name="caller"/> is null.</summary>
    public async Task<CaseCreation> CreateAsync(Caller? caller, JsonElement body, ReadOnlyMemory<byte> rawBody, string channel, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var errors = new ErrorMap();
        var read = CaseRequestReader.Read(body, policy, errors);
        var requester = await RequesterAsync(caller, read.Requester, channel, errors, cancellationToken);
        var actor = caller?.Actor ?? $"anonymous:{read.Requester?.Email}";
        var idempotencyCaller = caller?.Actor ?? $"anonymous:{EmailAddress.Normalize(read.Requester?.Email ?? string.Empty)}";
        var requestHash = Convert.ToHexString(SHA256.HashData(rawBody.Span));

        var claim = idempotencyKey is null ? null : new IdempotencyClaim(idempotencyCaller, idempotencyKey, requestHash);
        var (recorded, earlier) = await EarlierAsync(claim, actor, cancellationToken);
        if (earlier is not null)
        {
            return earlier;
        }

        var attachments = caller is null || read.Attachments.Count == 0
            ? []
            : await uploads.ConfirmStagedAsync(caller, read.Attachments, errors, cancellationToken);
        if (caller is null && read.Attachments.Count > 0)
        {
            errors.Add("attachments", "requests without an API key cannot attach files");
        }

        var submission = read.Submission with { Attachments = attachments.Select(a => a.Confirmation).ToList() };
        if (errors.Count > 0 || requester is null)
        {
            return Invalid(errors, submission, requester);
        }

        var request = new CaseOpeningRequest(requester, submission, actor, claim) { Attachments = attachments };
        return await OpenAsync(request, recorded, cancellationToken);
    }

    /// <summary>
    /// Opens a case for a requester another channel already identified (email, phone, queue intake): the same policy
    /// check, numbering, idempotency and writes as the web. A claim already recorded means "same request again".
    /// </summary>
    public async Task<CaseCreation> OpenAsync(CaseOpeningRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (recorded, earlier) = await EarlierAsync(request.Idempotency, request.Actor, cancellationToken);
        if (earlier is not null)
        {
            return earlier;
        }

        return await OpenAsync(request, recorded, cancellationToken);
    }

    private async Task<CaseCreation> OpenAsync(CaseOpeningRequest request, IdempotencyRecord? recorded, CancellationToken cancellationToken)
    {
        var (requester, submission, actor) = (request.Requester, request.Submission, request.Actor);
        var now = time.GetUtcNow();
        var decision = CaseIntake.Evaluate(policy, submission, requester, now);
        switch (decision.Outcome)
        {
            case IntakeOutcome.Invalid:
                return new CaseCreation.Invalid(decision.Errors.ToDictionary(e => e.Key, e => e.Value), decision.Language);
            case IntakeOutcome.Refused:
                Logs.CaseRefused(logger, actor, decision.Reason!);
                return new CaseCreation.Refused(decision.Reason!);
        }

        // A request without a key gets an origin of its own: any case found under its number is another request's.
        var origin = request.Idempotency?.Origin ?? Guid.NewGuid().ToString("N");
        for (var attempt = 1; ; attempt++)
        {
            var number = recorded?.CaseNumber ?? await numbers.NextAsync(policy.Intake.CaseNumberPrefix, policy.Intake.CaseNumberDigits, cancellationToken);
            var opened = now;
            if (request.Idempotency is { } claim)
            {
                // Every retry under one key adopts the first one's number and time, so they all write identical rows.
                var winner = recorded ?? await idempotency.RecordAsync(claim.Caller, claim.Key, new IdempotencyRecord(claim.RequestHash, number, now), cancellationToken);
                if (winner.RequestHash != claim.RequestHash)
                {
                    return new CaseCreation.KeyReused(winner.CaseNumber);
                }

                number = winner.CaseNumber;
                opened = winner.CreatedAt;
            }

            var outcome = await WriteAsync(request, decision, number, origin, opened, cancellationToken);
            if (outcome is not null)
            {
                return outcome;
            }

            // The number is another request's case: storage lost the counter's (or this key's) last writes and the number
            // was issued twice. Never answer with that case; take a number past it and, for a key, move the key to it.
            Logs.CaseNumberTaken(logger, number, actor, attempt);
            if (attempt >= MaxNumberAttempts)
            {
                throw new InvalidOperationException($"No free case number after {attempt} attempts; the last one tried was {number}.");
            }

            await numbers.SkipTakenAsync(policy.Intake.CaseNumberPrefix, cancellationToken);
            recorded = request.Idempotency is { } moved
                ? await idempotency.RebindAsync(moved.Caller, moved.Key, number, new IdempotencyRecord(moved.RequestHash, await numbers.NextAsync(policy.Intake.CaseNumberPrefix, policy.Intake.CaseNumberDigits, cancellationToken), now), cancellationToken)
                : null;
        }
    }

    /// <summary>
    /// Writes the case under <paramref name="number"/>; null when that number is another request's case (nothing of
    /// this request was committed), else the answer: created, or this same request's case written by an earlier attempt.
    /// </summary>
    private async Task<CaseCreation?> WriteAsync(CaseOpeningRequest request, IntakeDecision decision, string number, string origin, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (requester, submission, actor) = (request.Requester, request.Submission, request.Actor);
        var language = requester.LanguageUnder(policy);
        var timeZone = requester.Contact?.TimeZone ?? requester.Account?.TimeZone ?? "UTC";
        var caseAttachments = request.Attachments.Select(a => a with { AddedAt = now }).ToList();
        var opening = CaseOpening.From(decision, submission, requester, number, actor, language, timeZone, caseAttachments, SlaClocks.Start(policy, decision.Severity, now), now);
        opening = opening with { Case = opening.Case with { Origin = origin } };
        if (request.AcknowledgementData is { Count: > 0 } extra)
        {
            // Channel facts the answer needs (e.g. the Message-ID of the mail it answers, so it threads in the customer's client).
            opening = opening with { Intents = opening.Intents.Select(i => i.Kind == NotificationKinds.Acknowledgement || i.Kind == NotificationKinds.NotEntitledNotice ? i with { Data = i.Data.Concat(extra.Where(e => !i.Data.ContainsKey(e.Key))).ToDictionary() } : i).ToList() };
        }
        if (decision.Outcome == IntakeOutcome.Accepted && RepeatedErrors.Signature(policy, opening.Case) is { } signature && policy.Lifecycle.RepeatedErrors is { } repeated)
        {
            var reports = await errorSignatures.RecordAndCountAsync(opening.Case.AccountId!, signature, number, now, repeated.Window, cancellationToken);
            opening = RepeatedErrors.EscalateIfRepeated(opening, policy, reports);
        }

        if (decision.Outcome == IntakeOutcome.Accepted && requester.Account is { PartnerId: not null } partnerAccount && policy.PartnerSupport is { ReportsGoToSupportContacts: true })
        {
            // The partner model: the report goes to each of the account's support contacts (one copy each, one intent).
            var contactEmails = await supportContacts.EmailsAsync(partnerAccount, cancellationToken);
            opening = opening with
            {
                Intents = [.. opening.Intents, new NotificationIntent
                {
                    Id = $"{number}-{NotificationKinds.PartnerProblemReport}",
                    CaseNumber = number,
                    Kind = NotificationKinds.PartnerProblemReport,
                    Recipients = contactEmails,
                    Language = partnerAccount.Language,
                    CreatedAt = now,
                }],
            };
        }

        // Orchestration before state: if the transaction below fails, the SLA orchestration finds no case and plans
        // nothing; a committed case never lacks its orchestration. Its instance id is the case number's, so a raced
        // duplicate of this request starts nothing new.
        await orchestrations.StartSlaAsync(number, new SlaPlan(SlaPlanner.NextCheck(policy, opening.Case, now)), cancellationToken);
        await listings.BeforeCreateAsync(opening.Case, cancellationToken);
        if (await cases.CreateAsync(opening, cancellationToken) is { } existing)
        {
            if (existing.Case.Origin == origin)
            {
                // An attempt of this same request (the same key and body) raced us here and won: answer with its case.
                return new CaseCreation.Replayed(await views.ViewAsync(existing.Case, cancellationToken));
            }

            await listings.NotCreatedAsync(opening.Case, cancellationToken);
            return null;
        }

        await listings.CreatedAsync(opening.Case, cancellationToken);
        await notifications.DispatchAsync(opening.Intents, cancellationToken);
        Logs.CaseOpened(logger, number, opening.Case.Category, opening.Case.Severity, opening.Case.Team, decision.Outcome.ToString());
        return new CaseCreation.Created(CaseView.From(opening.Case, policy, requester.Account, opening.Attachments));
    }

    /// <summary>
    /// Every broken rule at once: what the channel found wrong with the request around the case (requester, keys,
    /// files) plus what the policy finds wrong with the case itself, judged for the requester when there is one.
    /// </summary>
    public CaseCreation.Invalid Invalid(ErrorMap errors, CaseSubmission submission, Requester? requester)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (requester is not null)
        {
            errors.AddAll(CaseIntake.Evaluate(policy, submission, requester, time.GetUtcNow()).Errors);
        }

        return new CaseCreation.Invalid(errors.ToDictionary());
    }

    /// <summary>What an earlier request under the same idempotency key decided: its record, and its answer when its case exists.</summary>
    private async Task<(IdempotencyRecord? Recorded, CaseCreation? Answer)> EarlierAsync(IdempotencyClaim? claim, string actor, CancellationToken cancellationToken)
    {
        var recorded = claim is null ? null : await idempotency.GetAsync(claim.Caller, claim.Key, cancellationToken);
        if (recorded is null)
        {
            return (null, null);
        }

        if (recorded.RequestHash != claim!.RequestHash)
        {
            return (recorded, new CaseCreation.KeyReused(recorded.CaseNumber));
        }

        // A case under the recorded number that another request opened (its origin differs) is not this request's: the
        // key was recorded with a number issued twice, and opening moves it (cases from before origins were kept count as its).
        if (await cases.GetAsync(recorded.CaseNumber, cancellationToken) is { } existing && (existing.Case.Origin is null || existing.Case.Origin == claim.Origin))
        {
            Logs.IdempotentReplay(logger, recorded.CaseNumber, actor);
            return (recorded, new CaseCreation.Replayed(await views.ViewAsync(existing.Case, cancellationToken)));
        }

        return (recorded, null);
    }

    private async Task<Requester?> RequesterAsync(Caller? caller, AnonymousRequester? anonymous, string channel, ErrorMap errors, CancellationToken cancellationToken)
    {
        if (caller is null)
        {
            if (anonymous is null || !EmailAddress.IsValid(anonymous.Email))
            {
                errors.Add("requester", "requests without an API key must give requester.email, a valid address to answer");
                return null;
            }

            // Not signed in, so nothing is granted by the address; its account's contract only narrows or widens what
            // the policy lets such a requester open (Entitlement) — two reads, skipped where no such rule exists.
            var addressAccount = Entitlement.AnonymousDependsOnContract(policy) && await directory.FindContactByEmailAsync(anonymous.Email, cancellationToken) is { } known
                ? (await directory.GetAccountAsync(known.AccountId, cancellationToken))?.Account
                : null;
            return Requester.Anonymous(channel, anonymous.Email, anonymous.Name, addressAccount);
        }

        if (anonymous is not null)
        {
            errors.Add("requester", "is only for requests without an API key; an authenticated contact is the requester");
        }

        if (caller.Kind != PrincipalKind.Contact || caller.AccountId is null)
        {
            errors.Add("requester", "only customer contacts open cases through this endpoint");
            return null;
        }

        var contactRead = directory.GetContactAsync(caller.AccountId, caller.Id, cancellationToken);
        var accountRead = directory.GetAccountAsync(caller.AccountId, cancellationToken);
        var (contact, account) = (await contactRead, await accountRead);
        if (contact is null || account is null)
        {
            errors.Add("requester", "the contact this API key belongs to no longer exists");
            return null;
        }

        return Requester.ForContact(channel, contact.Value.Contact, account.Value.Account);
    }
}
