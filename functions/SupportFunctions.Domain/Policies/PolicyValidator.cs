using SupportFunctions.Domain.Directory;
using System.Text.RegularExpressions;
using SupportFunctions.Domain.Cases;

namespace SupportFunctions.Domain.Policies;

/// <summary>The rules a well-shaped policy must also keep: references resolve, ids are unique, numbers make sense.</summary>
internal static partial class PolicyValidator
{
    private static readonly string[] WeekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public static List<PolicyProblem> Validate(SupportPolicy policy)
    {
        var problems = new List<PolicyProblem>();
        void Problem(string path, string rule) => problems.Add(new PolicyProblem(path, rule));

        NotBlank(policy.Id, "$.id", problems);
        NotBlank(policy.Name, "$.name", problems);
        ValidateIntake(policy, problems);

        if (policy.Teams.Count == 0)
        {
            Problem("$.teams", "must list at least one team");
        }

        Unique(policy.Teams.Select(t => t.Id), "$.teams", "id", problems);
        for (var i = 0; i < policy.Teams.Count; i++)
        {
            if (policy.Teams[i].EscalatesTo is { } target && policy.FindTeam(target) is null)
            {
                Problem($"$.teams[{i}].escalatesTo", $"names team \"{target}\", which is not in $.teams");
            }
        }

        if (policy.Severities.Count == 0)
        {
            Problem("$.severities", "must list at least one severity level");
        }

        Unique(policy.Severities.Select(s => s.Level.ToString(System.Globalization.CultureInfo.InvariantCulture)), "$.severities", "level", problems);
        for (var i = 0; i < policy.Severities.Count; i++)
        {
            var severity = policy.Severities[i];
            foreach (var channel in severity.Channels.Where(c => !policy.Intake.Channels.Contains(c, StringComparer.OrdinalIgnoreCase)))
            {
                Problem($"$.severities[{i}].channels", $"names channel \"{channel}\", which is not in $.intake.channels");
            }

            if (severity.OtherChannels is { Outcome: ChannelRestrictionOutcome.Downgrade } restriction
                && (restriction.DowngradeTo is not { } to || policy.FindSeverity(to) is null))
            {
                Problem($"$.severities[{i}].otherChannels.downgradeTo", "must name an existing severity level when the outcome is downgrade");
            }
        }

        if (policy.FindSeverity(policy.Intake.DefaultSeverity) is null)
        {
            Problem("$.intake.defaultSeverity", $"is {policy.Intake.DefaultSeverity}, which is not a level in $.severities");
        }

        ValidateCategories(policy, problems);
        ValidateEntitlement(policy.DefaultEntitlement, "$.defaultEntitlement", problems);
        ValidatePriority(policy, problems);
        ValidateTriage(policy, problems);
        ValidateCalendars(policy, problems);
        ValidateSla(policy, problems);
        ValidateLifecycle(policy, problems);
        ValidateInbound(policy, problems);

        Unique(policy.Retention.Select(r => r.DataClass), "$.retention", "dataClass", problems);
        for (var i = 0; i < policy.Retention.Count; i++)
        {
            if (policy.Retention[i].Window is { } window && window <= TimeSpan.Zero)
            {
                Problem($"$.retention[{i}].window", "must be positive (leave it out to keep the data)");
            }
        }

        Unique(policy.LogWindows.Select(l => l.Id), "$.logWindows", "id", problems);
        for (var i = 0; i < policy.LogWindows.Count; i++)
        {
            var window = policy.LogWindows[i];
            if (window.Window <= TimeSpan.Zero)
            {
                Problem($"$.logWindows[{i}].window", "must be positive");
            }

            if (!policy.Retention.Any(r => r.DataClass == window.DataClass))
            {
                Problem($"$.logWindows[{i}].dataClass", $"names data class \"{window.DataClass}\", which is not in $.retention");
            }

            NotEmptyText(window.Notice, $"$.logWindows[{i}].notice", problems);
        }

        NotEmptyText(policy.NonEntitled.Notice, "$.nonEntitled.notice", problems);
        return problems;
    }

    private static void ValidateIntake(SupportPolicy policy, List<PolicyProblem> problems)
    {
        var intake = policy.Intake;
        if (!PrefixPattern().IsMatch(intake.CaseNumberPrefix))
        {
            problems.Add(new("$.intake.caseNumberPrefix", "must be 1 to 8 capital letters"));
        }

        if (intake.CaseNumberDigits is < 3 or > 10)
        {
            problems.Add(new("$.intake.caseNumberDigits", "must be between 3 and 10"));
        }

        Positive(intake.MaxSubjectLength, "$.intake.maxSubjectLength", problems);
        Positive(intake.MaxDescriptionLength, "$.intake.maxDescriptionLength", problems);
        if (intake.MaxDescriptionLength > 32_000)
        {
            problems.Add(new("$.intake.maxDescriptionLength", "must be at most 32000 (a table property holds 32K characters)"));
        }

        if (intake.Channels.Count == 0)
        {
            problems.Add(new("$.intake.channels", "must list at least one channel"));
        }

        if (intake.Attachments.MaxDirectUploadBytes <= 0 || intake.Attachments.MaxDirectUploadBytes > intake.Attachments.MaxBytes)
        {
            problems.Add(new("$.intake.attachments.maxDirectUploadBytes", "must be positive and at most maxBytes"));
        }
    }

    private static void ValidateCategories(SupportPolicy policy, List<PolicyProblem> problems)
    {
        if (policy.Categories.Count == 0)
        {
            problems.Add(new("$.categories", "must list at least one category"));
        }

        Unique(policy.Categories.Select(c => c.Id), "$.categories", "id", problems);
        for (var i = 0; i < policy.Categories.Count; i++)
        {
            var category = policy.Categories[i];
            var path = $"$.categories[{i}]";
            if (policy.FindTeam(category.Team) is null)
            {
                problems.Add(new($"{path}.team", $"names team \"{category.Team}\", which is not in $.teams"));
            }

            if (category.LogWindow is { } window && !policy.LogWindows.Any(l => l.Id == window))
            {
                problems.Add(new($"{path}.logWindow", $"names log window \"{window}\", which is not in $.logWindows"));
            }

            if (category.DefaultSeverity is { } severity && policy.FindSeverity(severity) is null)
            {
                problems.Add(new($"{path}.defaultSeverity", $"is {severity}, which is not a level in $.severities"));
            }

            if (category.Entitlement is { } entitlement)
            {
                ValidateEntitlement(entitlement, $"{path}.entitlement", problems);
            }

            Unique(category.Fields.Select(f => f.Id), $"{path}.fields", "id", problems);
            for (var f = 0; f < category.Fields.Count; f++)
            {
                var field = category.Fields[f];
                var fieldPath = $"{path}.fields[{f}]";
                if (!FieldIdPattern().IsMatch(field.Id))
                {
                    problems.Add(new($"{fieldPath}.id", $"\"{field.Id}\" must be letters and digits starting with a letter (it becomes a stored property name)"));
                }

                if (FieldIds.IsReserved(field.Id))
                {
                    problems.Add(new($"{fieldPath}.id", $"\"{field.Id}\" is a standard case field; name category fields differently"));
                }

                if (field.Type == FieldType.Enum && field.Values.Count == 0)
                {
                    problems.Add(new($"{fieldPath}.values", "must list the allowed values of an enum field"));
                }

                if (field.Type == FieldType.Attachment && string.IsNullOrWhiteSpace(field.AttachmentKind))
                {
                    problems.Add(new($"{fieldPath}.attachmentKind", "is required for an attachment field"));
                }

                if (field.RequiredWhen is { } condition && !category.Fields.Any(other => other.Id == condition.Field))
                {
                    problems.Add(new($"{fieldPath}.requiredWhen.field", $"names field \"{condition.Field}\", which is not a field of this category"));
                }

                if (field.MaxLength is <= 0)
                {
                    problems.Add(new($"{fieldPath}.maxLength", "must be positive"));
                }
            }

            for (var r = 0; r < category.RequiredCaseFields.Count; r++)
            {
                if (!FieldIds.IsRequirable(category.RequiredCaseFields[r]))
                {
                    problems.Add(new($"{path}.requiredCaseFields[{r}]", $"\"{category.RequiredCaseFields[r]}\" is not a standard case field a category can require ({string.Join(", ", FieldIds.Requirable)})"));
                }
            }

            if (category.OneProblemPerCaseField is { } single && !category.Fields.Any(f => f.Id == single && f.Type is FieldType.Text or FieldType.Enum))
            {
                problems.Add(new($"{path}.oneProblemPerCaseField", $"names \"{single}\", which is not a text field of this category"));
            }
        }
    }

    private static void ValidateEntitlement(EntitlementRule rule, string path, List<PolicyProblem> problems)
    {
        if (rule.ContractStatuses.Count == 0)
        {
            problems.Add(new($"{path}.contractStatuses", "must list at least one contract status"));
        }
    }

    private static void ValidatePriority(SupportPolicy policy, List<PolicyProblem> problems)
    {
        if (policy.Priority is not { } priority)
        {
            return;
        }

        Unique(priority.Levels.Select(l => l.Id), "$.priority.levels", "id", problems);
        bool Known(string id) => priority.Levels.Any(l => l.Id == id);
        for (var i = 0; i < priority.Rules.Count; i++)
        {
            var rule = priority.Rules[i];
            if (!Known(rule.Priority))
            {
                problems.Add(new($"$.priority.rules[{i}].priority", $"names priority \"{rule.Priority}\", which is not in $.priority.levels"));
            }

            if (rule.Environment is { } environment && policy.Intake.Environments.Count > 0 && !policy.Intake.Environments.Contains(environment, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(new($"$.priority.rules[{i}].environment", $"names environment \"{environment}\", which is not in $.intake.environments"));
            }
        }

        if (priority.Default is { } fallback && !Known(fallback))
        {
            problems.Add(new("$.priority.default", $"names priority \"{fallback}\", which is not in $.priority.levels"));
        }

        foreach (var (severity, id) in priority.FromSeverity)
        {
            if (!int.TryParse(severity, System.Globalization.CultureInfo.InvariantCulture, out var level) || policy.FindSeverity(level) is null)
            {
                problems.Add(new($"$.priority.fromSeverity.{severity}", "must be keyed by an existing severity level"));
            }

            if (!Known(id))
            {
                problems.Add(new($"$.priority.fromSeverity.{severity}", $"names priority \"{id}\", which is not in $.priority.levels"));
            }
        }
    }

    private static void ValidateTriage(SupportPolicy policy, List<PolicyProblem> problems)
    {
        if (policy.Triage is not { } triage)
        {
            return;
        }

        for (var i = 0; i < triage.Rules.Count; i++)
        {
            var rule = triage.Rules[i];
            if (!triage.Impacts.Contains(rule.Impact))
            {
                problems.Add(new($"$.triage.rules[{i}].impact", $"\"{rule.Impact}\" is not in $.triage.impacts"));
            }

            if (!triage.Urgencies.Contains(rule.Urgency))
            {
                problems.Add(new($"$.triage.rules[{i}].urgency", $"\"{rule.Urgency}\" is not in $.triage.urgencies"));
            }

            if (policy.FindTeam(rule.Team) is null)
            {
                problems.Add(new($"$.triage.rules[{i}].team", $"names team \"{rule.Team}\", which is not in $.teams"));
            }

            if (rule.Priority is { } id && policy.Priority?.Levels.Any(l => l.Id == id) != true)
            {
                problems.Add(new($"$.triage.rules[{i}].priority", $"names priority \"{id}\", which is not in $.priority.levels"));
            }
        }
    }

    private static void ValidateCalendars(SupportPolicy policy, List<PolicyProblem> problems)
    {
        Unique(policy.Calendars.Select(c => c.Id), "$.calendars", "id", problems);
        for (var i = 0; i < policy.Calendars.Count; i++)
        {
            var calendar = policy.Calendars[i];
            var path = $"$.calendars[{i}]";
            if (calendar.TimeZone != CalendarDefinition.CustomerTimeZone && !TimeZoneInfo.TryFindSystemTimeZoneById(calendar.TimeZone, out _))
            {
                problems.Add(new($"{path}.timeZone", $"\"{calendar.TimeZone}\" is neither an IANA time zone nor \"customer\""));
            }

            if (!calendar.AlwaysOpen && calendar.Weekly.Count == 0)
            {
                problems.Add(new($"{path}.weekly", "must give weekly hours unless alwaysOpen is true"));
            }

            foreach (var (day, intervals) in calendar.Weekly)
            {
                if (!WeekdayNames.Contains(day))
                {
                    problems.Add(new($"{path}.weekly.{day}", $"must be a weekday name ({string.Join(", ", WeekdayNames)})"));
                }

                ValidateIntervals(intervals, $"{path}.weekly.{day}", problems);
            }

            Unique(calendar.Holidays.Select(h => h.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), $"{path}.holidays", "date", problems);
            for (var h = 0; h < calendar.Holidays.Count; h++)
            {
                ValidateIntervals(calendar.Holidays[h].Closed, $"{path}.holidays[{h}].closed", problems);
            }
        }
    }

    private static void ValidateIntervals(IReadOnlyList<string> intervals, string path, List<PolicyProblem> problems)
    {
        var parsed = new List<TimeOfDayInterval>();
        for (var i = 0; i < intervals.Count; i++)
        {
            if (TimeOfDayInterval.TryParse(intervals[i], out var interval))
            {
                parsed.Add(interval);
            }
            else
            {
                problems.Add(new($"{path}[{i}]", $"\"{intervals[i]}\" is not an interval like \"08:00-17:00\" with its start before its end"));
            }
        }

        var ordered = parsed.OrderBy(p => p.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Start < ordered[i - 1].End)
            {
                problems.Add(new(path, $"intervals {ordered[i - 1]} and {ordered[i]} overlap"));
            }
        }
    }

    private static void ValidateSla(SupportPolicy policy, List<PolicyProblem> problems)
    {
        var sla = policy.Sla;
        if (sla.WarningPercent is < 1 or > 99)
        {
            problems.Add(new("$.sla.warningPercent", "must be between 1 and 99"));
        }

        for (var i = 0; i < sla.PauseOn.Count; i++)
        {
            if (!Enum.TryParse<CaseStatus>(sla.PauseOn[i], ignoreCase: true, out _))
            {
                problems.Add(new($"$.sla.pauseOn[{i}]", $"\"{sla.PauseOn[i]}\" is not a case status ({string.Join(", ", Enum.GetNames<CaseStatus>())})"));
            }
        }

        Unique(sla.Targets.Select(t => t.Severity.ToString(System.Globalization.CultureInfo.InvariantCulture)), "$.sla.targets", "severity", problems);
        for (var i = 0; i < sla.Targets.Count; i++)
        {
            var target = sla.Targets[i];
            if (policy.FindSeverity(target.Severity) is null)
            {
                problems.Add(new($"$.sla.targets[{i}].severity", $"is {target.Severity}, which is not a level in $.severities"));
            }

            if (!policy.Calendars.Any(c => c.Id == target.Calendar))
            {
                problems.Add(new($"$.sla.targets[{i}].calendar", $"names calendar \"{target.Calendar}\", which is not in $.calendars"));
            }

            if (target.RestorationCalendar is { } restorationCalendar && !policy.Calendars.Any(c => c.Id == restorationCalendar))
            {
                problems.Add(new($"$.sla.targets[{i}].restorationCalendar", $"names calendar \"{restorationCalendar}\", which is not in $.calendars"));
            }

            foreach (var (name, value) in new[] { ("firstResponse", target.FirstResponse), ("nextReply", target.NextReply), ("restoration", target.Restoration) })
            {
                if (value is { } duration && duration <= TimeSpan.Zero)
                {
                    problems.Add(new($"$.sla.targets[{i}].{name}", "must be positive"));
                }
            }
        }
    }

    private static void ValidateInbound(SupportPolicy policy, List<PolicyProblem> problems)
    {
        if (policy.InboundEmail is { } email)
        {
            if (!EmailAddress.IsValid(email.SupportAddress))
            {
                problems.Add(new PolicyProblem("$.inboundEmail.supportAddress", $"\"{email.SupportAddress}\" is not a valid email address"));
            }

            if (policy.FindCategory(email.DefaultCategory) is null)
            {
                problems.Add(new PolicyProblem("$.inboundEmail.defaultCategory", $"names category \"{email.DefaultCategory}\", which is not in $.categories"));
            }

            foreach (var address in email.EscalationAddresses.Where(a => !EmailAddress.IsValid(a)))
            {
                problems.Add(new PolicyProblem("$.inboundEmail.escalationAddresses", $"\"{address}\" is not a valid email address"));
            }

            if (email.SenderLimit < 1 || email.SenderWindow <= TimeSpan.Zero)
            {
                problems.Add(new PolicyProblem("$.inboundEmail.senderLimit", "must be at least 1 message in a positive senderWindow"));
            }

            if (!policy.Intake.Channels.Contains("email", StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(new PolicyProblem("$.inboundEmail", "is set but \"email\" is not in $.intake.channels"));
            }
        }

        if (policy.Voice is { } voice)
        {
            if (policy.FindCategory(voice.DefaultCategory) is null)
            {
                problems.Add(new PolicyProblem("$.voice.defaultCategory", $"names category \"{voice.DefaultCategory}\", which is not in $.categories"));
            }

            if (!policy.Intake.Channels.Contains("phone", StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(new PolicyProblem("$.voice", "is set but \"phone\" is not in $.intake.channels"));
            }

            Unique(voice.Lines.Select(l => l.Number), "$.voice.lines", "number", problems);
            for (var i = 0; i < voice.Lines.Count; i++)
            {
                var line = voice.Lines[i];
                if (!PhoneNumber.IsE164(line.Number))
                {
                    problems.Add(new PolicyProblem($"$.voice.lines[{i}].number", $"\"{line.Number}\" is not an E.164 number such as +18005550100"));
                }

                if (line.Severity is { } severity && policy.FindSeverity(severity) is null)
                {
                    problems.Add(new PolicyProblem($"$.voice.lines[{i}].severity", $"is {severity}, which is not a level in $.severities"));
                }

                if (line.Category is { } category && policy.FindCategory(category) is null)
                {
                    problems.Add(new PolicyProblem($"$.voice.lines[{i}].category", $"names category \"{category}\", which is not in $.categories"));
                }
            }
        }
    }

    private static void ValidateLifecycle(SupportPolicy policy, List<PolicyProblem> problems)
    {
        var lifecycle = policy.Lifecycle;
        if (lifecycle.CustomerChangeWait <= TimeSpan.Zero)
        {
            problems.Add(new("$.lifecycle.customerChangeWait", "must be positive"));
        }

        if (lifecycle.ReminderBefore is { } reminder && (reminder <= TimeSpan.Zero || reminder >= lifecycle.CustomerChangeWait))
        {
            problems.Add(new("$.lifecycle.reminderBefore", "must be positive and shorter than customerChangeWait"));
        }

        if (lifecycle.ReopenWithin is { } reopen && reopen <= TimeSpan.Zero)
        {
            problems.Add(new("$.lifecycle.reopenWithin", "must be positive (leave it out to allow reopening at any time)"));
        }

        if (lifecycle.MaxDequeueCount is < 1 or > 100)
        {
            problems.Add(new("$.lifecycle.maxDequeueCount", "must be between 1 and 100"));
        }

        if (lifecycle.RepeatedErrors is { } repeated)
        {
            if (repeated.Count < 2)
            {
                problems.Add(new("$.lifecycle.repeatedErrors.count", "must be at least 2"));
            }

            if (repeated.Window <= TimeSpan.Zero)
            {
                problems.Add(new("$.lifecycle.repeatedErrors.window", "must be positive"));
            }

            if (repeated.SignatureFields.Count == 0)
            {
                problems.Add(new("$.lifecycle.repeatedErrors.signatureFields", "must name at least one field"));
            }
        }
    }

    private static void Unique(IEnumerable<string> ids, string path, string member, List<PolicyProblem> problems)
    {
        var index = 0;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var id in ids)
        {
            if (!seen.Add(id))
            {
                problems.Add(new($"{path}[{index}].{member}", $"\"{id}\" appears more than once"));
            }

            index++;
        }
    }

    private static void NotBlank(string? value, string path, List<PolicyProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new(path, "must not be empty"));
        }
    }

    private static void NotEmptyText(LocalizedText text, string path, List<PolicyProblem> problems)
    {
        if (text.Count == 0 || text.Values.All(string.IsNullOrWhiteSpace))
        {
            problems.Add(new(path, "must give the text in at least one language"));
        }
    }

    private static void Positive(int value, string path, List<PolicyProblem> problems)
    {
        if (value <= 0)
        {
            problems.Add(new(path, "must be positive"));
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{0,62}$")]
    private static partial Regex FieldIdPattern();

    [GeneratedRegex("^[A-Z]{1,8}$")]
    private static partial Regex PrefixPattern();
}
