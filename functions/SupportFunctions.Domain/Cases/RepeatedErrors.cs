using SupportFunctions.Domain.Policies;

namespace SupportFunctions.Domain.Cases;

/// <summary>
/// Repeated errors: the policy names the fields that make an error's signature ("category" or category fields such as
/// errorCode or pipelineKey). When one account reports the same signature the policy's number of times within its
/// window, that report's case is escalated automatically.
/// </summary>
public static class RepeatedErrors
{
    /// <summary>The case's error signature, or null when the policy has no rule or the case lacks a signature field.</summary>
    public static string? Signature(SupportPolicy policy, SupportCase c)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(c);
        if (policy.Lifecycle.RepeatedErrors is not { } rule || c.AccountId is null)
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var field in rule.SignatureFields)
        {
            var value = field == "category" ? c.Category : c.Fields.FirstOrDefault(f => string.Equals(f.Key, field, StringComparison.OrdinalIgnoreCase)).Value;
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            parts.Add(value.Trim().ToUpperInvariant());
        }

        return string.Join('|', parts);
    }

    /// <summary>Escalates a newly opened case that is the Nth (or later) report of its signature within the window.</summary>
    public static CaseOpening EscalateIfRepeated(CaseOpening opening, SupportPolicy policy, int reportsInWindow)
    {
        ArgumentNullException.ThrowIfNull(opening);
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.Lifecycle.RepeatedErrors is not { } rule || reportsInWindow < rule.Count)
        {
            return opening;
        }

        var created = opening.Case;
        var lead = CaseLifecycle.LeadTeamOf(policy, created);
        var data = new Dictionary<string, string>
        {
            ["reason"] = "repeated-error",
            ["reports"] = reportsInWindow.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["window"] = System.Xml.XmlConvert.ToString(rule.Window),
            ["team"] = lead,
        };
        var change = new CaseChangeBuilder(created, created.CreatedAt, "system")
            .Update(c => c with { EscalatedAt = created.CreatedAt })
            .Record("escalated", data, EventVisibility.Internal)
            .Notify(NotificationKinds.EscalationReceived, [$"team:{lead}"], data);
        return opening with { Case = change.Case, Events = [.. opening.Events, .. change.Events], Intents = [.. opening.Intents, .. change.Intents] };
    }
}
