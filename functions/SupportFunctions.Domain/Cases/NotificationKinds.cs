namespace SupportFunctions.Domain.Cases;

/// <summary>The kinds of notification intents; templates are chosen by kind.</summary>
public static class NotificationKinds
{
    public const string Acknowledgement = "acknowledgement";
    public const string NotEntitledNotice = "not-entitled-notice";
    public const string AgentReply = "agent-reply";
    public const string CaseClosed = "case-closed";

    /// <summary>Closing for a change the customer must make: not a closing yet, the start of the one-week wait.</summary>
    public const string CustomerChangeRequested = "customer-change-requested";
    public const string SeverityChangeRequested = "severity-change-requested";
    public const string SeverityChanged = "severity-changed";
    public const string DefectFixed = "defect-fixed";
    public const string EscalationAcknowledged = "escalation-acknowledged";
    public const string PendingReminder = "pending-customer-reminder";
    public const string AutoClosed = "auto-closed";
    public const string SlaWarning = "sla-warning";
    public const string SlaBreach = "sla-breach";
    public const string EscalationReceived = "escalation";
    public const string Sev1Page = "sev1-page";
    public const string OperatorRequest = "operator-request";
    public const string OperatorRequestRefused = "operator-request-refused";
    public const string PartnerProblemReport = "partner-problem-report";

    /// <summary>Every kind; each has a template.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Acknowledgement, NotEntitledNotice, AgentReply, CaseClosed, CustomerChangeRequested, SeverityChangeRequested, SeverityChanged, DefectFixed, EscalationAcknowledged,
        PendingReminder, AutoClosed, SlaWarning, SlaBreach, EscalationReceived, Sev1Page, OperatorRequest, OperatorRequestRefused, PartnerProblemReport,
    ];
}
