using System.Text;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Directory;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.Domain.Inbound;

/// <summary>
/// What a call does to its case: the submission its first event opens, the audit record of every event, and the
/// outcome of an operator request — performed (paging on-call) or refused with its reason (told to the customer).
/// </summary>
public static class CallCase
{
    public static CaseSubmission Submission(SupportPolicy policy, VoiceCall call, Contact caller, bool verified)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(caller);
        var line = CallRouting.Line(policy, call.To);
        return new CaseSubmission
        {
            Subject = $"Phone call from {caller.Name}" + (line?.Name is { } name ? $" on the {name}" : string.Empty),
            Description = Describe(call, verified),
            Category = CallRouting.Category(policy, line),
            Severity = CallRouting.Severity(policy, line, call, verified),
        };
    }

    public static CaseChangeBuilder RecordEvent(CaseChangeBuilder change, VoiceCall call)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(call);
        var data = new Dictionary<string, string> { ["callId"] = call.CallId, ["provider"] = call.Provider, ["from"] = call.From, ["to"] = call.To };
        foreach (var (key, value) in new[] { ("status", call.Status), ("recordingUrl", call.RecordingUrl), ("transcript", call.TranscriptText), ("transcriptUrl", call.TranscriptUrl) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                data[key] = value;
            }
        }

        return change.Record("call-event", data);
    }

    public static CaseChangeBuilder OperatorRequest(CaseChangeBuilder change, VoiceCall call, Contact caller, bool verified)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(caller);
        var refusal = call.Request == OperatorRequestCheck.SendNotification
            ? OperatorRequestCheck.Refusal(caller, verified, change.At)
            : $"\"{call.Request}\" is not an operator request support performs";
        var data = new Dictionary<string, string> { ["request"] = call.Request ?? string.Empty, ["contactId"] = caller.Id, ["message"] = call.RequestMessage ?? string.Empty };
        if (refusal is null)
        {
            return change.Record("operator-request", data)
                .Notify(NotificationKinds.OperatorRequest, [$"oncall:{change.Case.Team}"], data);
        }

        data["reason"] = refusal;
        return change.Record("operator-request-refused", data)
            .Notify(NotificationKinds.OperatorRequestRefused, change.Case.CustomerRecipients(), data);
    }

    private static string Describe(VoiceCall call, bool verified)
    {
        var text = new StringBuilder();
        text.Append("Call ").Append(call.CallId).Append(" from ").Append(call.From).Append(" to ").Append(call.To).Append('.');
        text.Append(verified ? " Caller verified with the account PIN." : " Caller not verified with the account PIN.");
        if (call.Severity is { } severity)
        {
            text.Append(" Severity chosen in the IVR: ").Append(severity).Append('.');
        }

        if (!string.IsNullOrWhiteSpace(call.TranscriptText))
        {
            text.Append("\n\n").Append(call.TranscriptText);
        }

        return text.ToString();
    }
}
