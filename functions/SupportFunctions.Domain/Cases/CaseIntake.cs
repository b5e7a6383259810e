using System.Globalization;
using System.Text.Json;
using SupportFunctions.Domain.Directory;
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
        var language = requester.Contact?.Language ?? requester.Account?.Language ?? policy.DefaultLanguage;

        CheckText(submission.Subject, FieldIds.Subject, "subject", intake.MaxSubjectLength, errors);
        CheckText(submission.Description, FieldIds.Description, "description", intake.MaxDescriptionLength, errors);

        if (!intake.Channels.Contains(requester.Channel, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(FieldIds.Requester, $"cases cannot be opened through channel \"{requester.Channel}\"; use {string.Join(", ", intake.Channels)}");
        }

        var category = string.IsNullOrWhiteSpace(submission.Category) ? null : policy.FindCategory(submission.Category);
        if (string.IsNullOrWhiteSpace(submission.Category))
        {
            errors.Add(FieldIds.Category, $"is required; one of {string.Join(", ", policy.Categories.Select(c => c.Id))}");
        }
        else if (category is null)
        {
            errors.Add(FieldIds.Category, $"\"{submission.Category}\" is not a category; one of {string.Join(", ", policy.Categories.Select(c => c.Id))}");
        }

        if (submission.Cc.Count > intake.MaxCcEmails)
        {
            errors.Add(FieldIds.Cc, $"lists {submission.Cc.Count} addresses; at most {intake.MaxCcEmails}");
        }

        foreach (var cc in submission.Cc.Where(c => !EmailAddress.IsValid(c)))
        {
            errors.Add(FieldIds.Cc, $"\"{cc}\" is not a valid email address");
        }

        if (intake.ProductAreas.Count > 0)
        {
            foreach (var area in submission.ProductAreas.Where(a => !intake.ProductAreas.Contains(a, StringComparer.OrdinalIgnoreCase)))
            {
                errors.Add(FieldIds.ProductAreas, $"\"{area}\" is not a product area; one of {string.Join(", ", intake.ProductAreas)}");
            }
        }

        var environment = submission.Environment?.Trim();
        if (!string.IsNullOrEmpty(environment) && intake.Environments.Count > 0)
        {
            var known = intake.Environments.FirstOrDefault(e => string.Equals(e, environment, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                errors.Add(FieldIds.Environment, $"\"{environment}\" is not an environment; one of {string.Join(", ", intake.Environments)}");
            }

            environment = known ?? environment;
        }

        if (submission.OccurredAt is { } occurred && occurred > now.AddMinutes(5))
        {
            errors.Add(FieldIds.OccurredAt, "is in the future");
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
                errors.Add(FieldIds.Unavailability, "must be one of none, partial, total");
            }
        }

        if (policy.Triage is { } triageRules)
        {
            CheckOneOf(submission.Impact, FieldIds.Impact, triageRules.Impacts, errors);
            CheckOneOf(submission.Urgency, FieldIds.Urgency, triageRules.Urgencies, errors);
        }

        var severity = SeverityFor(policy, category, submission, requester, language, errors, warnings);

        if (category is not null)
        {
            var fieldErrors = new ErrorMap();
            CheckRequiredCaseFields(category, submission, fieldErrors);
            CheckCategoryFields(category, submission, fieldErrors);
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
                errors.Add(FieldIds.OfCategoryField(field), $"is not a field of category \"{category.Id}\"");
            }

            if (category.LogWindow is { } windowId && submission.OccurredAt is { } occurredAt
                && policy.LogWindows.FirstOrDefault(w => w.Id == windowId) is { } window && now - occurredAt > window.Window)
            {
                warnings.Add(new CaseWarning("logs-likely-gone", window.Notice.For(language, policy.DefaultLanguage)));
            }
        }

        if (errors.Count > 0)
        {
            return new IntakeDecision { Outcome = IntakeOutcome.Invalid, Errors = errors.ToDictionary() };
        }

        var refusal = Entitlement.Refusal(policy, category!, requester);
        if (refusal is not null && policy.NonEntitled.Outcome == NonEntitledOutcome.Refuse)
        {
            return new IntakeDecision { Outcome = IntakeOutcome.Refused, Reason = refusal };
        }

        if (category!.Notice is { } notice)
        {
            warnings.Add(new CaseWarning("category-notice", notice.For(language, policy.DefaultLanguage)));
        }

        var (team, triagePriority) = TeamFor(policy, category, submission);
        return new IntakeDecision
        {
            Outcome = refusal is null ? IntakeOutcome.Accepted : IntakeOutcome.AcceptedAndClosed,
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
            errors.Add(FieldIds.Severity, $"{requested} is not a severity level; one of {string.Join(", ", policy.Severities.Select(s => $"{s.Level} ({s.Name})"))}");
            return requested;
        }

        if (level.Channels.Count == 0 || level.Channels.Contains(requester.Channel, StringComparer.OrdinalIgnoreCase))
        {
            return requested;
        }

        var restriction = level.OtherChannels;
        var notice = restriction?.Notice.For(language, policy.DefaultLanguage)
            ?? $"Severity {level.Level} cases are opened by {string.Join(" or ", level.Channels)} only.";
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

    private static void CheckRequiredCaseFields(CaseCategory category, CaseSubmission submission, ErrorMap errors)
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
                errors.Add(field, $"is required for \"{category.Id}\" cases");
            }
        }
    }

    private static void CheckCategoryFields(CaseCategory category, CaseSubmission submission, ErrorMap errors)
    {
        string? ValueOf(string id) => submission.Fields.FirstOrDefault(f => string.Equals(f.Key, id, StringComparison.OrdinalIgnoreCase)).Value;

        foreach (var field in category.Fields)
        {
            var key = FieldIds.OfCategoryField(field.Id);
            var required = field.Required
                || (field.RequiredWhen is { } when && string.Equals(ValueOf(when.Field)?.Trim(), when.EqualsValue, StringComparison.OrdinalIgnoreCase));
            if (field.Type == FieldType.Attachment)
            {
                CheckAttachment(field, key, required, submission.Attachments, errors);
                continue;
            }

            var value = ValueOf(field.Id);
            if (string.IsNullOrWhiteSpace(value))
            {
                if (required)
                {
                    errors.Add(key, $"{field.Label} is required" + (field.Hint is null ? string.Empty : $" ({field.Hint})"));
                }

                continue;
            }

            if (field.MaxLength is { } max && value.Length > max)
            {
                errors.Add(key, $"{field.Label} is {value.Length} characters; at most {max}");
            }

            switch (field.Type)
            {
                case FieldType.Enum when !field.Values.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase):
                    errors.Add(key, $"{field.Label} must be one of {string.Join(", ", field.Values)}");
                    break;
                case FieldType.Json when !IsJsonDocument(value):
                    errors.Add(key, $"{field.Label} must be the request JSON (an object or array), not code from a script or application");
                    break;
                case FieldType.Timestamp when !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _):
                    errors.Add(key, $"{field.Label} must be a date and time such as 2026-11-20T14:05:00Z");
                    break;
                case FieldType.EmailList:
                    foreach (var address in SplitList(value).Where(a => !EmailAddress.IsValid(a)))
                    {
                        errors.Add(key, $"{field.Label} contains an invalid email: \"{address}\"");
                    }

                    break;
                case FieldType.Phone when !PhoneNumber.IsE164(value.Trim()):
                    errors.Add(key, $"{field.Label} must be an international number in E.164 form, such as +14155550123");
                    break;
            }

            if (string.Equals(category.OneProblemPerCaseField, field.Id, StringComparison.OrdinalIgnoreCase) && SplitList(value).Count > 1)
            {
                errors.Add(key, $"names {SplitList(value).Count} items; report one problem per case and file a separate case for each {field.Label}");
            }
        }
    }

    private static void CheckAttachment(FieldRule field, string key, bool required, IReadOnlyList<ConfirmedAttachment> attachments, ErrorMap errors)
    {
        var ofKind = attachments.Where(a => string.Equals(a.Kind, field.AttachmentKind, StringComparison.OrdinalIgnoreCase)).ToList();
        bool HasAcceptedExtension(ConfirmedAttachment a) => field.Extensions.Count == 0 || field.Extensions.Contains(Path.GetExtension(a.FileName), StringComparer.OrdinalIgnoreCase);
        foreach (var wrong in ofKind.Where(a => !HasAcceptedExtension(a)))
        {
            errors.Add(key, $"\"{wrong.FileName}\" is not a {field.Label}; accepted files end in {string.Join(", ", field.Extensions)}");
        }

        if (required && !ofKind.Any(a => a.Size > 0 && HasAcceptedExtension(a)))
        {
            errors.Add(key, $"{field.Label} is required: upload the file, then list it in attachments with kind \"{field.AttachmentKind}\"" + (field.Hint is null ? string.Empty : $" ({field.Hint})"));
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

    private static void CheckText(string? value, string key, string label, int max, ErrorMap errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(key, $"{label} is required");
        }
        else if (value.Length > max)
        {
            errors.Add(key, $"{label} is {value.Length} characters; at most {max}");
        }
    }

    private static void CheckOneOf(string? value, string key, IReadOnlyList<string> allowed, ErrorMap errors)
    {
        if (!string.IsNullOrWhiteSpace(value) && !allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(key, $"must be one of {string.Join(", ", allowed)}");
        }
    }
}
