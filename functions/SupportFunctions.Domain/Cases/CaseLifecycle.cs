using SupportFunctions.Domain.Policies;
using SupportFunctions.Domain.Sla;

namespace SupportFunctions.Domain.Cases;

/// <summary>
/// The case lifecycle: New → Open → Pending customer | On hold | Pending third party → Solved → Closed, reopening from
/// Solved or Closed (any time, or within the policy's window). Each step is an audit event and moves the SLA clocks.
/// </summary>
public static class CaseLifecycle
{
    private static readonly CaseStatus[] Working = [CaseStatus.Open, CaseStatus.PendingCustomer, CaseStatus.OnHold, CaseStatus.PendingThirdParty, CaseStatus.Solved, CaseStatus.Closed];

    public static IReadOnlyList<CaseStatus> AllowedFrom(CaseStatus status) => status switch
    {
        CaseStatus.New => Working,
        CaseStatus.Solved => [CaseStatus.Open, CaseStatus.Closed],
        CaseStatus.Closed => [CaseStatus.Open],
        _ => Working.Where(s => s != status).ToArray(),
    };

    /// <summary>Why the case cannot move to <paramref name="to"/> now; null when it can.</summary>
    public static string? Refusal(SupportPolicy policy, SupportCase c, CaseStatus to, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(c);
        if (!AllowedFrom(c.Status).Contains(to))
        {
            return $"A case in status {c.Status} cannot move to {to}; allowed: {string.Join(", ", AllowedFrom(c.Status))}.";
        }

        if (c.Status == CaseStatus.Closed && policy.Lifecycle.ReopenWithin is { } window && c.ClosedAt is { } closed && at - closed > window)
        {
            return $"The case was closed on {closed:yyyy-MM-dd}; it can be reopened within {window.TotalDays:0.#} days of closing. Please open a new case.";
        }

        return null;
    }

    /// <summary>Moves the case to <paramref name="to"/> (the caller checked <see cref="Refusal"/>): audit event, SLA pause, resume or restoration.</summary>
    public static CaseChangeBuilder ChangeStatus(CaseChangeBuilder change, SupportPolicy policy, CaseStatus to, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(policy);
        var from = change.Case.Status;
        if (from == to)
        {
            return change;
        }

        var at = change.At;
        var reopening = from is CaseStatus.Solved or CaseStatus.Closed && to is not (CaseStatus.Solved or CaseStatus.Closed);
        change.Update(c => c with
        {
            Status = to,
            Sla = to == CaseStatus.Solved ? SlaClocks.OnRestored(SlaClocks.OnStatus(c.Sla, policy, to, at), at) : SlaClocks.OnStatus(c.Sla, policy, to, at),
            ClosedAt = to == CaseStatus.Closed ? at : reopening ? null : c.ClosedAt,
            SolvedAt = to is CaseStatus.Solved or CaseStatus.Closed ? c.SolvedAt ?? at : reopening ? null : c.SolvedAt,
            ClosureReason = reopening ? null : c.ClosureReason,
            ClosureNotice = reopening ? null : c.ClosureNotice,
            // A customer-change wait lasts only while the case is Pending customer: leaving it (a reply, any status
            // change, the auto-close) ends the wait.
            AwaitingCustomerChangeSince = to == CaseStatus.PendingCustomer ? c.AwaitingCustomerChangeSince : null,
            AwaitingCustomerChange = to == CaseStatus.PendingCustomer ? c.AwaitingCustomerChange : null,
        });
        var data = new Dictionary<string, string> { ["from"] = from.ToString(), ["to"] = to.ToString() };
        if (!string.IsNullOrWhiteSpace(reason))
        {
            data["reason"] = reason;
        }

        return change.Record(reopening ? "reopened" : "status-changed", data);
    }

    /// <summary>A public agent reply: meets first response, opens a new case, and is mailed to requester and CCs.</summary>
    public static CaseChangeBuilder AgentReply(CaseChangeBuilder change, SupportPolicy policy, string body)
    {
        ArgumentNullException.ThrowIfNull(change);
        change.Update(c => c with { Sla = SlaClocks.OnAgentReply(c.Sla, change.At) });
        if (change.Case.Status == CaseStatus.New)
        {
            ChangeStatus(change, policy, CaseStatus.Open);
        }

        var data = new Dictionary<string, string> { ["body"] = body };
        return change.Record("agent-reply", data).Notify(NotificationKinds.AgentReply, change.Case.CustomerRecipients(), data);
    }

    /// <summary>
    /// A customer reply: a case waiting on the customer (or solved, or closed when reopening is allowed) goes back to
    /// Open, and a next-reply clock starts where the policy sets one.
    /// </summary>
    public static CaseChangeBuilder CustomerReply(CaseChangeBuilder change, SupportPolicy policy, string body)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(policy);
        if (change.Case.Status is CaseStatus.PendingCustomer or CaseStatus.Solved or CaseStatus.Closed
            && Refusal(policy, change.Case, CaseStatus.Open, change.At) is null)
        {
            ChangeStatus(change, policy, CaseStatus.Open, "customer replied");
        }

        change.Update(c => c with { Sla = SlaClocks.OnCustomerReply(c.Sla, policy, c.Severity, change.At) });
        return change.Record("customer-reply", new Dictionary<string, string> { ["body"] = body });
    }

    /// <summary>An internal note: staff only, never shown to the customer, never mailed.</summary>
    public static CaseChangeBuilder InternalNote(CaseChangeBuilder change, string body)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Record("internal-note", new Dictionary<string, string> { ["body"] = body }, EventVisibility.Internal);
    }

    /// <summary>The team escalations of a case go to: its team's lead team, else the policy's first lead team.</summary>
    public static string LeadTeamOf(SupportPolicy policy, SupportCase c)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(c);
        return policy.FindTeam(c.Team)?.EscalatesTo ?? policy.Teams.FirstOrDefault(t => t.Kind == TeamKind.Lead)?.Id ?? c.Team;
    }

    /// <summary>What an escalation request must give: what the problem is now, why it needs the leads, and (where the policy lists environments) which one.</summary>
    public static Dictionary<string, string[]> CheckEscalationRequest(SupportPolicy policy, string? description, string? environment, string? justification)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var errors = new ErrorMap();
        var max = policy.Intake.MaxDescriptionLength;
        if (string.IsNullOrWhiteSpace(description) || description.Length > max)
        {
            errors.Add("description", $"is required: what the problem is now (at most {max} characters)");
        }

        if (string.IsNullOrWhiteSpace(justification) || justification.Length > max)
        {
            errors.Add("justification", "is required: why the case needs someone beyond the assigned engineer");
        }

        if (policy.Intake.Environments.Count > 0 && !policy.Intake.Environments.Contains(environment ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add("environment", $"must be one of {string.Join(", ", policy.Intake.Environments)}");
        }

        return errors.ToDictionary();
    }

    /// <summary>What a severity change or request must give: a level of the policy and the reason.</summary>
    public static Dictionary<string, string[]> CheckSeverityChange(SupportPolicy policy, int? severity, string? reason)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var errors = new ErrorMap();
        if (severity is null || policy.FindSeverity(severity.Value) is null)
        {
            errors.Add("severity", $"must be one of {string.Join(", ", policy.Severities.Select(x => $"{x.Level} ({x.Name})"))}");
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 4000)
        {
            errors.Add("reason", "is required: why the severity should change");
        }

        return errors.ToDictionary();
    }

    /// <summary>
    /// An escalation request: recorded on the case, routed to the lead team, acknowledged to the requester. It does
    /// not change the SLA by itself.
    /// </summary>
    public static CaseChangeBuilder RequestEscalation(CaseChangeBuilder change, SupportPolicy policy, string description, string? environment, string justification)
    {
        ArgumentNullException.ThrowIfNull(change);
        var lead = LeadTeamOf(policy, change.Case);
        var data = new Dictionary<string, string> { ["description"] = description, ["justification"] = justification, ["team"] = lead };
        if (!string.IsNullOrWhiteSpace(environment))
        {
            data["environment"] = environment;
        }

        change.Update(c => c with { EscalatedAt = c.EscalatedAt ?? change.At })
            .Record("escalation-requested", data)
            .Notify(NotificationKinds.EscalationReceived, [$"team:{lead}"], data);
        return change.Notify(NotificationKinds.EscalationAcknowledged, change.Case.CustomerRecipients(), new Dictionary<string, string> { ["team"] = lead });
    }

    /// <summary>
    /// Support changes the severity (either side may ask; support decides): clocks take the new targets keeping the
    /// time elapsed, and the requester is told.
    /// </summary>
    public static CaseChangeBuilder ChangeSeverity(CaseChangeBuilder change, SupportPolicy policy, int severity, string reason)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(policy);
        var from = change.Case.Severity;
        if (from == severity)
        {
            return change;
        }

        change.Update(c => c with
        {
            Severity = severity,
            Sla = SlaClocks.OnSeverityChange(c.Sla, policy, new SlaCalendars(policy, c.TimeZone), severity, c.CreatedAt, change.At),
        });
        var data = new Dictionary<string, string>
        {
            ["from"] = from.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = severity.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["reason"] = reason,
        };
        return change.Record("severity-changed", data).Notify(NotificationKinds.SeverityChanged, change.Case.CustomerRecipients(), data);
    }

    /// <summary>A customer asks for another severity: recorded and sent to the team, which decides.</summary>
    public static CaseChangeBuilder RequestSeverity(CaseChangeBuilder change, int severity, string reason)
    {
        ArgumentNullException.ThrowIfNull(change);
        var data = new Dictionary<string, string>
        {
            ["current"] = change.Case.Severity.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["requested"] = severity.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["reason"] = reason,
        };
        return change.Record("severity-change-requested", data).Notify(NotificationKinds.SeverityChangeRequested, [$"team:{change.Case.Team}"], data);
    }

    public static CaseChangeBuilder Assign(CaseChangeBuilder change, string agentId)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Case.AssigneeId == agentId
            ? change
            : change.Update(c => c with { AssigneeId = agentId }).Record("assigned", new Dictionary<string, string> { ["agentId"] = agentId }, EventVisibility.Internal);
    }
}
