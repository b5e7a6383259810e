using System.Globalization;
using System.Text.Json;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.App.Cases;

/// <summary>
/// Reads a case request's JSON into a <see cref="CaseSubmission"/>, collecting every member of the wrong type or
/// unknown name (by field, like the policy's own rules) instead of stopping at the first.
/// </summary>
public static class CaseRequestReader
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "subject", "description", "category", "productAreas", "severity", "environment", "occurredAt", "cc",
        "impact", "urgency", "unavailability", "workaround", "fields", "attachments", "requester",
    };

    public sealed record Result(CaseSubmission Submission, IReadOnlyList<AttachmentReference> Attachments, AnonymousRequester? Requester);

    public static Result Read(JsonElement body, SupportPolicy policy, ErrorMap errors)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(errors);
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add("$", "the body must be a JSON object");
            return new Result(new CaseSubmission(), [], null);
        }

        foreach (var member in body.EnumerateObject().Where(m => !Known.Contains(m.Name)))
        {
            errors.Add(member.Name, $"is not a case field; known: {string.Join(", ", Known.Order(StringComparer.Ordinal))}");
        }

        var category = String(body, FieldIds.Category, errors);
        var categoryRules = category is null ? null : policy.FindCategory(category);
        var submission = new CaseSubmission
        {
            Subject = String(body, FieldIds.Subject, errors),
            Description = String(body, FieldIds.Description, errors),
            Category = category,
            ProductAreas = StringList(body, FieldIds.ProductAreas, errors),
            Severity = Integer(body, FieldIds.Severity, errors),
            Environment = String(body, FieldIds.Environment, errors),
            OccurredAt = Timestamp(body, FieldIds.OccurredAt, errors),
            Cc = StringList(body, FieldIds.Cc, errors),
            Impact = String(body, FieldIds.Impact, errors),
            Urgency = String(body, FieldIds.Urgency, errors),
            Unavailability = String(body, FieldIds.Unavailability, errors),
            Workaround = Boolean(body, FieldIds.Workaround, errors),
            Fields = Fields(body, categoryRules, errors),
        };
        return new Result(submission, Attachments(body, errors), Requester(body, errors));
    }

    private static Dictionary<string, string> Fields(JsonElement body, CaseCategory? category, ErrorMap errors)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!body.TryGetProperty("fields", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return fields;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add("fields", "must be an object of category fields");
            return fields;
        }

        foreach (var member in element.EnumerateObject())
        {
            var rule = category?.Fields.FirstOrDefault(f => string.Equals(f.Id, member.Name, StringComparison.OrdinalIgnoreCase));
            var key = rule?.Id ?? member.Name;
            var value = member.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.Null:
                    continue;
                case JsonValueKind.String:
                    fields[key] = value.GetString()!;
                    break;
                case JsonValueKind.Array when rule?.Type == FieldType.EmailList && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String):
                    fields[key] = string.Join(", ", value.EnumerateArray().Select(v => v.GetString()));
                    break;
                case JsonValueKind.Object or JsonValueKind.Array when rule is null || rule.Type == FieldType.Json:
                    fields[key] = value.GetRawText();
                    break;
                case JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False when rule?.Type is not FieldType.Json:
                    fields[key] = value.GetRawText();
                    break;
                default:
                    errors.Add(FieldIds.OfCategoryField(key), $"must be {(rule?.Type == FieldType.Json ? "a JSON object or array" : "text")}, not {value.ValueKind.ToString().ToLowerInvariant()}");
                    break;
            }
        }

        return fields;
    }

    private static List<AttachmentReference> Attachments(JsonElement body, ErrorMap errors)
    {
        var references = new List<AttachmentReference>();
        if (!body.TryGetProperty("attachments", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return references;
        }

        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add("attachments", "must be an array of {\"uploadId\", \"kind\"}");
            return references;
        }

        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var key = $"attachments[{index++}]";
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("uploadId", out var id) || id.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(id.GetString()))
            {
                errors.Add(key, "must be an object with an \"uploadId\" string");
                continue;
            }

            var kind = item.TryGetProperty("kind", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;
            references.Add(new AttachmentReference(id.GetString()!, kind));
        }

        return references;
    }

    private static AnonymousRequester? Requester(JsonElement body, ErrorMap errors)
    {
        if (!body.TryGetProperty("requester", out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("email", out var email) || email.ValueKind != JsonValueKind.String)
        {
            errors.Add("requester", "must be an object with an \"email\" string (and optionally \"name\")");
            return null;
        }

        var name = element.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        return new AnonymousRequester(email.GetString()!.Trim(), name?.Trim());
    }

    private static string? String(JsonElement body, string name, ErrorMap errors)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        errors.Add(name, $"must be a string, not {value.ValueKind.ToString().ToLowerInvariant()}");
        return null;
    }

    private static int? Integer(JsonElement body, string name, ErrorMap errors)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }

        errors.Add(name, "must be a whole number");
        return null;
    }

    private static bool? Boolean(JsonElement body, string name, ErrorMap errors)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        errors.Add(name, "must be true or false");
        return null;
    }

    private static DateTimeOffset? Timestamp(JsonElement body, string name, ErrorMap errors)
    {
        var text = String(body, name, errors);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value.ToUniversalTime();
        }

        errors.Add(name, "must be a date and time such as 2026-11-20T14:05:00Z");
        return null;
    }

    private static List<string> StringList(JsonElement body, string name, ErrorMap errors)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString()!.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        }

        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
        {
            return value.EnumerateArray().Select(v => v.GetString()!.Trim()).Where(v => v.Length > 0).ToList();
        }

        errors.Add(name, "must be an array of strings");
        return [];
    }
}
