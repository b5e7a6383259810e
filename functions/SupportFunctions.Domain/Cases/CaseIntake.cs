using System.Globalization;
using System.Text.Json;
using SupportFunctions.Domain.Directory;
using SupportFunctions.Domain.Notifications;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.Domain.Cases;

/// <summary>
/// Checks a submission against the policy and decides what becomes of it: every broken rule at once, or a refusal with
/// its reason, or an accepted case with its severity, priority, team and warnings. Pure: the caller gives the time.
/// </summary>
public static class CaseIntake
{
    public static IntakeDecision Evaluate(SupportPolicy policy, CaseSubmission submission, Requester requester, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(submission);
        ArgumentNullException.ThrowIfNull(requester);
        var errors = new ErrorMap();
        var warnings = new List<CaseWarning>();
        var intake = policy.Intake;
        var language = requester.LanguageUnder(policy);
        string Say(string key, params (string Name, object? Value)[] values) => CustomerTexts.Say(language, key, values);
        var categories = string.Join(", ", policy.Categories.Select(c => c.Id));

        CheckText(submission.Subject, FieldIds.Subject, CustomerTexts.Text("field.subject", language), intake.MaxSubjectLength, errors, language);
        CheckText(submission.Description, FieldIds.Description, CustomerTexts.Text("field.description", language), intake.MaxDescriptionLength, errors, language);

        if (!intake.Channels.Contains(requester.Channel, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(FieldIds.Requester, Say("intake.channel-closed", ("channel", requester.Channel), ("list", string.Join(", ", intake.Channels))));
        }

        var category = string.IsNullOrWhiteSpace(submission.Category) ? null : policy.FindCategory(submission.Category);
        if (string.IsNullOrWhiteSpace(submission.Category))
        {
            errors.Add(FieldIds.Category, Say("intake.category-required", ("list", categories)));
        }
        else if (category is null)
        {
            errors.Add(FieldIds.Category, Say("intake.category-unknown", ("value", submission.Category), ("list", categories)));
        }

        if (submission.Cc.Count > intake.MaxCcEmails)
        {
            errors.Add(FieldIds.Cc, Say("intake.cc-too-many", ("count", submission.Cc.Count), ("max", intake.MaxCcEmails)));
        }

        foreach (var cc in submission.Cc.Where(c => !EmailAddress.IsValid(c)))
        {
            errors.Add(FieldIds.Cc, Say("intake.email-invalid", ("value", cc)));
        }

        if (intake.ProductAreas.Count > 0)
        {
            foreach (var area in submission.ProductAreas.Where(a => !intake.ProductAreas.Contains(a, StringComparer.OrdinalIgnoreCase)))
            {
                errors.Add(FieldIds.ProductAreas, Say("intake.product-area-unknown", ("value", area), ("list", string.Join(", ", intake.ProductAreas))));
            }
        }

        var environment = submission.Environment?.Trim();
        if (!string.IsNullOrEmpty(environment) && intake.Environments.Count > 0)
        {
            var known = intake.Environments.FirstOrDefault(e => string.Equals(e, environment, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                errors.Add(FieldIds.Environment, Say("intake.environment-unknown", ("value", environment), ("list", string.Join(", ", intake.Environments))));
            }

            environment = known ?? environment;
        }

        if (submission.OccurredAt is { } occurred && occurred > now.AddMinutes(5))
        {
            errors.Add(FieldIds.OccurredAt, Say("intake.in-future"));
        }

        Unavailability? unavailability = null;
        if (!string.IsNullOrWhiteSpace(submission.Unavailability))
        {
            if (Enum.TryParse<Unavailability>(submission.Unavailability, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                unavailability = parsed;
            }
            else
            {
                errors.Add(FieldIds.Unavailability, Say("intake.one-of", ("list", "none, partial, total")));
            }
        }

        if (policy.Triage is { } triageRules)
        {
            CheckOneOf(submission.Impact, FieldIds.Impact, triageRules.Impacts, errors, language);
            CheckOneOf(submission.Urgency, FieldIds.Urgency, triageRules.Urgencies, errors, language);
        }

        var severity = SeverityFor(policy, category, submission, requester, language, errors, warnings);

        if (category is not null)
        {
            var fieldErrors = new ErrorMap();
            CheckRequiredCaseFields(category, submission, fieldErrors, language);
            CheckCategoryFields(category, submission, fieldErrors, language);
            if (fieldErrors.Count > 0 && intake.DeferredFieldChannels.Contains(requester.Channel, StringComparer.OrdinalIgnoreCase))
            {
                // Calls and mails carry no form: the case opens, and what it still needs is listed for the agent to ask.
                var missing = fieldErrors.ToDictionary();
                warnings.Add(new CaseWarning("information-missing", string.Join("; ", missing.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"))));
            }
            else
            {
                errors.AddAll(fieldErrors.ToDictionary());
            }

            foreach (var field in submission.Fields.Keys.Where(k => !category.Fields.Any(f => string.Equals(f.Id, k, StringComparison.OrdinalIgnoreCase))))
            {
                errors.Add(FieldIds.OfCategoryField(field), Say("intake.not-a-field", ("category", category.Id)));
            }

            if (category.LogWindow is { } windowId && submission.OccurredAt is { } occurredAt
                && policy.LogWindows.FirstOrDefault(w => w.Id == windowId) is { } window && now - occurredAt > window.Window)
            {
                warnings.Add(new CaseWarning("logs-likely-gone", window.Notice.For(language, policy.DefaultLanguage)));
            }
        }

        if (errors.Count > 0)
        {
            return new IntakeDecision { Outcome = IntakeOutcome.Invalid, Errors = errors.ToDictionary(), Language = language };
        }

        var refusal = Entitlement.Refusal(policy, category!, requester);
        if (refusal is not null && policy.NonEntitled.Outcome == NonEntitledOutcome.Refuse)
        {
            return new IntakeDecision { Outcome = IntakeOutcome.Refused, Reason = refusal, Language = language };
        }

        if (category!.Notice is { } notice)
        {
            warnings.Add(new CaseWarning("category-notice", notice.For(language, policy.DefaultLanguage)));
        }

        var (team, triagePriority) = TeamFor(policy, category, submission);
        return new IntakeDecision
        {
            Outcome = refusal is null ? IntakeOutcome.Accepted : IntakeOutcome.AcceptedAndClosed,
            Language = language,
            Reason = refusal,
            Notice = refusal is null ? null : policy.NonEntitled.Notice.For(language, policy.DefaultLanguage),
            Category = category.Id,
            Severity = severity,
            Priority = PriorityFor(policy, severity, environment, unavailability, submission.Workaround, triagePriority),
            Team = team,
            Environment = environment,
            Warnings = warnings,
            MaySeeAccountData = requester.MaySeeAccountData,
        };
    }

    private static int SeverityFor(SupportPolicy policy, CaseCategory? category, CaseSubmission submission, Requester requester, string language, ErrorMap errors, List<CaseWarning> warnings)
    {
        var requested = submission.Severity ?? category?.DefaultSeverity ?? policy.Intake.DefaultSeverity;
        var level = policy.FindSeverity(requested);
        if (level is null)
        {
            errors.Add(FieldIds.Severity, CustomerTexts.Say(language, "intake.severity-unknown", ("value", requested), ("list", string.Join(", ", policy.Severities.Select(s => $"{s.Level} ({s.Name})")))));
            return requested;
        }

        if (level.Channels.Count == 0 || level.Channels.Contains(requester.Channel, StringComparer.OrdinalIgnoreCase))
        {
            return requested;
        }

        var restriction = level.OtherChannels;
        var notice = restriction?.Notice.For(language, policy.DefaultLanguage)
            ?? CustomerTexts.Say(language, "intake.severity-channels", ("level", level.Level), ("list", CustomerTexts.Alternatives(language, level.Channels)));
        if (restriction is { Outcome: ChannelRestrictionOutcome.Downgrade, DowngradeTo: { } lower })
        {
            warnings.Add(new CaseWarning("severity-lowered", notice));
            return lower;
        }

        errors.Add(FieldIds.Severity, notice);
        return requested;
    }

    private static (string Team, string? Priority) TeamFor(SupportPolicy policy, CaseCategory category, CaseSubmission submission)
    {
        var categoryTeam = policy.FindTeam(category.Team)!;
        if (categoryTeam.Kind == TeamKind.AccountManagement || policy.Triage is not { } triage)
        {
            return (categoryTeam.Id, null);
        }

        var rule = triage.Rules.FirstOrDefault(r =>
            string.Equals(r.Impact, submission.Impact, StringComparison.OrdinalIgnoreCase)
            && string.Equals(r.Urgency, submission.Urgency, StringComparison.OrdinalIgnoreCase));
        return rule is null ? (categoryTeam.Id, null) : (rule.Team, rule.Priority);
    }

    private static string? PriorityFor(SupportPolicy policy, int severity, string? environment, Unavailability? unavailability, bool? workaround, string? triagePriority)
    {
        if (policy.Priority is not { } rules)
        {
            return triagePriority;
        }

        var match = rules.Rules.FirstOrDefault(r =>
            (r.Environment is null || string.Equals(r.Environment, environment, StringComparison.OrdinalIgnoreCase))
            && (r.Unavailability is null || r.Unavailability == unavailability)
            && (r.Workaround is null || r.Workaround == workaround));
        return match?.Priority
            ?? triagePriority
            ?? (rules.FromSeverity.TryGetValue(severity.ToString(CultureInfo.InvariantCulture), out var bySeverity) ? bySeverity : null)
            ?? rules.Default;
    }

    private static void CheckRequiredCaseFields(CaseCategory category, CaseSubmission submission, ErrorMap errors, string language)
    {
        foreach (var field in category.RequiredCaseFields)
        {
            var present = field switch
            {
                FieldIds.Environment => !string.IsNullOrWhiteSpace(submission.Environment),
                FieldIds.OccurredAt => submission.OccurredAt is not null,
                FieldIds.ProductAreas => submission.ProductAreas.Count > 0,
                FieldIds.Unavailability => !string.IsNullOrWhiteSpace(submission.Unavailability),
                FieldIds.Workaround => submission.Workaround is not null,
                FieldIds.Impact => !string.IsNullOrWhiteSpace(submission.Impact),
                FieldIds.Urgency => !string.IsNullOrWhiteSpace(submission.Urgency),
                _ => true,
            };
            if (!present)
            {
                errors.Add(field, CustomerTexts.Say(language, "intake.case-field-required", ("category", category.Id)));
            }
        }
    }

    private static void CheckCategoryFields(CaseCategory category, CaseSubmission submission, ErrorMap errors, string language)
    {
        string Say(string key, params (string Name, object? Value)[] values) => CustomerTexts.Say(language, key, values);
        string? ValueOf(string id) => submission.Fields.FirstOrDefault(f => string.Equals(f.Key, id, StringComparison.OrdinalIgnoreCase)).Value;

        foreach (var field in category.Fields)
        {
            var key = FieldIds.OfCategoryField(field.Id);
            var required = field.Required
                || (field.RequiredWhen is { } when && string.Equals(ValueOf(when.Field)?.Trim(), when.EqualsValue, StringComparison.OrdinalIgnoreCase));
            if (field.Type == FieldType.Attachment)
            {
                CheckAttachment(field, key, required, submission.Attachments, errors, language);
                continue;
            }

            var value = ValueOf(field.Id);
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required)
                {
                    errors.Add(key, Say("intake.required", ("label", field.Label), ("hint", field.Hint is null ? string.Empty : $" ({field.Hint})")));
                }

                continue;
            }

            if (field.MaxLength is { } max && value.Length > max)
            {
                errors.Add(key, Say("intake.too-long", ("label", field.Label), ("length", value.Length), ("max", max)));
            }

            switch (field.Type)
            {
                case FieldType.Enum when !field.Values.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase):
                    errors.Add(key, Say("intake.field-one-of", ("label", field.Label), ("list", string.Join(", ", field.Values))));
                    break;
                case FieldType.Json when !IsJsonDocument(value):
                    errors.Add(key, Say("intake.field-json", ("label", field.Label)));
                    break;
                case FieldType.Timestamp when !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _):
                    errors.Add(key, Say("intake.field-timestamp", ("label", field.Label)));
                    break;
                case FieldType.EmailList:
                    foreach (var address in SplitList(value).Where(a => !EmailAddress.IsValid(a)))
                    {
                        errors.Add(key, Say("intake.field-email", ("label", field.Label), ("value", address)));
                    }

                    break;
                case FieldType.Phone when !PhoneNumber.IsE164(value.Trim()):
                    errors.Add(key, Say("intake.field-phone", ("label", field.Label)));
                    break;
            }

            if (string.Equals(category.OneProblemPerCaseField, field.Id, StringComparison.OrdinalIgnoreCase) && SplitList(value).Count > 1)
            {
                errors.Add(key, Say("intake.one-problem", ("count", SplitList(value).Count), ("label", field.Label)));
            }
        }
    }

    private static void CheckAttachment(FieldRule field, string key, bool required, IReadOnlyList<ConfirmedAttachment> attachments, ErrorMap errors, string language)
    {
        var ofKind = attachments.Where(a => string.Equals(a.Kind, field.AttachmentKind, StringComparison.OrdinalIgnoreCase)).ToList();
        bool HasAcceptedExtension(ConfirmedAttachment a) => field.Extensions.Count == 0 || field.Extensions.Contains(Path.GetExtension(a.FileName), StringComparer.OrdinalIgnoreCase);
        foreach (var wrong in ofKind.Where(a => !HasAcceptedExtension(a)))
        {
            errors.Add(key, CustomerTexts.Say(language, "intake.attachment-wrong-type", ("file", wrong.FileName), ("label", field.Label), ("list", string.Join(", ", field.Extensions))));
        }

        if (required && !ofKind.Any(a => a.Size > 0 && HasAcceptedExtension(a)))
        {
            errors.Add(key, CustomerTexts.Say(language, "intake.attachment-required", ("label", field.Label), ("kind", field.AttachmentKind), ("hint", field.Hint is null ? string.Empty : $" ({field.Hint})")));
        }
    }

    private static bool IsJsonDocument(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Array;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static List<string> SplitList(string value) =>
        value.Split([',', ';', '\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static void CheckText(string? value, string key, string label, int max, ErrorMap errors, string language)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(key, CustomerTexts.Say(language, "intake.required", ("label", label), ("hint", string.Empty)));
        }
        else if (value.Length > max)
        {
            errors.Add(key, CustomerTexts.Say(language, "intake.too-long", ("label", label), ("length", value.Length), ("max", max)));
        }
    }

    private static void CheckOneOf(string? value, string key, IReadOnlyList<string> allowed, ErrorMap errors, string language)
    {
        if (!string.IsNullOrWhiteSpace(value) && !allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(key, CustomerTexts.Say(language, "intake.one-of", ("list", string.Join(", ", allowed))));
        }
    }
}
