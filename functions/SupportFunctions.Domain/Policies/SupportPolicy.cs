namespace SupportFunctions.Domain.Policies;

/// <summary>
/// One vendor's support policy as data: who may open which kind of case, what each kind must contain, how severe and
/// urgent it is, where it goes, and the clocks, waits and retention that apply. A deployment loads exactly one.
/// </summary>
public sealed record SupportPolicy
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>Language of the policy's own texts and the fallback for customers without one (BCP 47, e.g. "es").</summary>
    public string DefaultLanguage { get; init; } = "en";

    public IntakeRules Intake { get; init; } = new();

    public IReadOnlyList<SupportTeam> Teams { get; init; } = [];

    public IReadOnlyList<CaseCategory> Categories { get; init; } = [];

    /// <summary>Applies to every category that does not state its own entitlement.</summary>
    public EntitlementRule DefaultEntitlement { get; init; } = new();

    public NonEntitledHandling NonEntitled { get; init; } = new();

    public IReadOnlyList<SeverityLevel> Severities { get; init; } = [];

    public PriorityRules? Priority { get; init; }

    public TriageRules? Triage { get; init; }

    public IReadOnlyList<LogWindow> LogWindows { get; init; } = [];

    public CaseViewRules CaseViews { get; init; } = new();

    public IReadOnlyList<CalendarDefinition> Calendars { get; init; } = [];

    public SlaRules Sla { get; init; } = new();

    public LifecycleRules Lifecycle { get; init; } = new();

    public IReadOnlyList<RetentionClass> Retention { get; init; } = [];

    public PartnerSupportRules? PartnerSupport { get; init; }

    /// <summary>Email intake; null: this deployment takes no email.</summary>
    public InboundEmailRules? InboundEmail { get; init; }

    /// <summary>Phone intake; null: no phone lines.</summary>
    public VoiceRules? Voice { get; init; }

    /// <summary>When data of a class written at <paramref name="writtenAt"/> expires; null when the policy keeps it.</summary>
    public DateTimeOffset? ExpiresAt(string dataClass, DateTimeOffset writtenAt) =>
        WindowOf(dataClass) is { } window ? writtenAt + window : null;

    /// <summary>How long a class is kept; null when the policy keeps it (or does not name it).</summary>
    public TimeSpan? WindowOf(string dataClass) =>
        Retention.FirstOrDefault(r => string.Equals(r.DataClass, dataClass, StringComparison.Ordinal))?.Window;

    /// <summary>
    /// The data class of an uploaded file: a kind naming one of the policy's log windows (an SMS delivery log) takes
    /// that log's class and window; any other file is <c>uploadedDataFiles</c>.
    /// </summary>
    public string DataClassOfUpload(string? kind) =>
        LogWindows.FirstOrDefault(w => string.Equals(w.Id, kind, StringComparison.OrdinalIgnoreCase))?.DataClass ?? Domain.Retention.DataClasses.UploadedDataFiles;

    public CaseCategory? FindCategory(string id) => Categories.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase));

    public SeverityLevel? FindSeverity(int level) => Severities.FirstOrDefault(s => s.Level == level);

    public SupportTeam? FindTeam(string id) => Teams.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase));
}
