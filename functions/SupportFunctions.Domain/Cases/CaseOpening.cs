namespace SupportFunctions.Domain.Cases;

/// <summary>What opening a case writes: the case, its first audit event(s), and the notification intents — all or nothing.</summary>
public sealed record CaseOpening(SupportCase Case, IReadOnlyList<CaseEvent> Events, IReadOnlyList<NotificationIntent> Intents, IReadOnlyList<CaseAttachment> Attachments)
{
    /// <summary>Builds the opening of an accepted (or accepted-and-closed) intake decision.</summary>
    public static CaseOpening From(IntakeDecision decision, CaseSubmission submission, Requester requester, string number, string actor, string language, string timeZone, IReadOnlyList<CaseAttachment> attachments, Sla.SlaState sla, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(requester);
        if (decision.Outcome is not (IntakeOutcome.Accepted or IntakeOutcome.AcceptedAndClosed))
        {
            throw new ArgumentException($"Only accepted submissions open a case; this one is {decision.Outcome}.", nameof(decision));
        }

        var closedAtOnce = decision.Outcome == IntakeOutcome.AcceptedAndClosed;
        var opened = new SupportCase
        {
            Number = number,
            Subject = submission.Subject!.Trim(),
            Description = submission.Description!,
            Category = decision.Category!,
            Status = closedAtOnce ? CaseStatus.Closed : CaseStatus.New,
            Severity = decision.Severity,
            Priority = decision.Priority,
            Team = decision.Team!,
            Environment = decision.Environment,
            OccurredAt = submission.OccurredAt,
            ProductAreas = submission.ProductAreas,
            Cc = submission.Cc.Select(c => c.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Fields = submission.Fields,
            Channel = requester.Channel,
            RequesterContactId = requester.Contact?.Id,
            RequesterEmail = requester.Email,
            RequesterName = requester.Name,
            AccountId = requester.Account?.Id,
            MaySeeAccountData = decision.MaySeeAccountData,
            Language = language,
            TimeZone = timeZone,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
            Warnings = decision.Warnings,
            ClosureReason = closedAtOnce ? "not-entitled" : null,
            ClosureNotice = closedAtOnce ? decision.Notice : null,
            ClosedAt = closedAtOnce ? now : null,
            SolvedAt = closedAtOnce ? now : null,
            Sla = closedAtOnce ? new Sla.SlaState() : sla,
        };

        var created = new Dictionary<string, string>
        {
            ["category"] = opened.Category,
            ["severity"] = opened.Severity.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["team"] = opened.Team,
            ["status"] = opened.Status.ToString(),
            ["channel"] = opened.Channel,
        };
        if (opened.Priority is not null)
        {
            created["priority"] = opened.Priority;
        }

        if (closedAtOnce)
        {
            created["closureReason"] = "not-entitled";
            created["reason"] = decision.Reason ?? string.Empty;
        }

        var events = new List<CaseEvent> { new() { CaseNumber = number, Sequence = 1, At = now, Actor = actor, Type = closedAtOnce ? "created-and-closed" : "created", Data = created } };
        var intent = new NotificationIntent
        {
            Id = $"{number}-{(closedAtOnce ? NotificationKinds.NotEntitledNotice : NotificationKinds.Acknowledgement)}",
            CaseNumber = number,
            Kind = closedAtOnce ? NotificationKinds.NotEntitledNotice : NotificationKinds.Acknowledgement,
            Recipients = opened.CustomerRecipients(),
            Language = language,
            CreatedAt = now,
            Data = closedAtOnce ? new Dictionary<string, string> { ["notice"] = decision.Notice ?? string.Empty } : new Dictionary<string, string>(),
        };
        var intents = new List<NotificationIntent> { intent };
        if (!closedAtOnce && opened.Severity == 1)
        {
            // The most urgent level pages whoever is on call for the team at once, whatever the channel.
            intents.Add(new NotificationIntent
            {
                Id = $"{number}-{NotificationKinds.Sev1Page}",
                CaseNumber = number,
                Kind = NotificationKinds.Sev1Page,
                Recipients = [$"oncall:{opened.Team}"],
                Language = language,
                CreatedAt = now,
                Data = new Dictionary<string, string> { ["subject"] = opened.Subject, ["channel"] = opened.Channel },
            });
        }

        return new CaseOpening(opened, events, intents, attachments);
    }
}
