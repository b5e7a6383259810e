using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using SupportFunctions.App.Hosting;
using SupportFunctions.Domain.Inbound;

namespace SupportFunctions.App.Inbound;

/// <summary>
/// Reads a call event from either platform into a <see cref="VoiceCall"/>: Twilio's form fields (IVR keys in
/// <c>Digits</c> as <c>S*PIN</c>: severity, star, account PIN) or the generic JSON event.
/// </summary>
public static class VoiceCallReader
{
    public static IReadOnlyList<KeyValuePair<string, string>> Form(byte[] body)
    {
        var form = new FormReader(Encoding.UTF8.GetString(body)).ReadForm();
        return form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty))).ToList();
    }

    public static (VoiceCall? Call, Dictionary<string, string[]> Errors) FromTwilio(IReadOnlyList<KeyValuePair<string, string>> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string? Field(string name) => form.Where(f => f.Key == name).Select(f => f.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        var errors = Required(("CallSid", Field("CallSid")), ("From", Field("From")), ("To", Field("To")));
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var (severity, pin) = Keys(Field("Digits"));
        return (new VoiceCall
        {
            CallId = Field("CallSid")!,
            Provider = "twilio",
            From = Field("From")!,
            To = Field("To")!,
            Status = Field("CallStatus"),
            Severity = severity,
            Pin = pin,
            RecordingUrl = Field("RecordingUrl"),
            TranscriptText = Field("TranscriptionText") ?? Field("SpeechResult"),
            TranscriptUrl = Field("TranscriptionUrl"),
        }, errors);
    }

    public static (VoiceCall? Call, Dictionary<string, string[]> Errors) FromJson(JsonElement root)
    {
        string? Text(JsonElement element, string name) => JsonFields.Text(element, name);
        var errors = Required(("callId", Text(root, "callId")), ("from", Text(root, "from")), ("to", Text(root, "to")));
        var selections = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("selections", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        int? severity = null;
        if (selections.ValueKind == JsonValueKind.Object && selections.TryGetProperty("severity", out var level))
        {
            if (level.ValueKind == JsonValueKind.Number && level.TryGetInt32(out var number))
            {
                severity = number;
            }
            else
            {
                errors["selections.severity"] = ["must be a whole number"];
            }
        }

        DateTimeOffset? at = null;
        if (Text(root, "timestamp") is { } timestamp)
        {
            if (DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                at = parsed;
            }
            else
            {
                errors["timestamp"] = ["must be an ISO 8601 date and time"];
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var selected = selections.ValueKind == JsonValueKind.Object ? selections : root;
        return (new VoiceCall
        {
            CallId = Text(root, "callId")!,
            Provider = Text(root, "provider") ?? "generic",
            From = Text(root, "from")!,
            To = Text(root, "to")!,
            Status = Text(root, "event") ?? Text(root, "status"),
            Severity = severity,
            Pin = Text(selected, "pin"),
            Request = Text(selected, "request"),
            RequestMessage = Text(selected, "message"),
            RecordingUrl = Text(root, "recordingUrl"),
            TranscriptText = Text(root, "transcript"),
            TranscriptUrl = Text(root, "transcriptUrl"),
            At = at,
        }, errors);
    }

    /// <summary>"1*4821" → severity 1, PIN 4821; "1" → severity only; "*4821" → PIN only.</summary>
    public static (int? Severity, string? Pin) Keys(string? digits)
    {
        if (string.IsNullOrWhiteSpace(digits))
        {
            return (null, null);
        }

        var parts = digits.Trim().TrimEnd('#').Split('*', 2);
        int? severity = int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var level) ? level : null;
        var pin = parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null;
        return (severity, pin);
    }

    private static Dictionary<string, string[]> Required(params (string Name, string? Value)[] fields)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, value) in fields.Where(f => string.IsNullOrWhiteSpace(f.Value)))
        {
            errors[name] = ["is required"];
        }

        return errors;
    }
}
