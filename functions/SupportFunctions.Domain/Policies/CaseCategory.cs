namespace SupportFunctions.Domain.Policies;

/// <summary>A kind of case: where it goes, what information it needs, who may open it, and the notices it carries.</summary>
public sealed record CaseCategory
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>Team that handles it; for account-management topics the account-management team.</summary>
    public required string Team { get; init; }

    public IReadOnlyList<FieldRule> Fields { get; init; } = [];

    /// <summary>A <see cref="LogWindow"/> id: reports of older occurrences are accepted with a warning that logs are likely gone.</summary>
    public string? LogWindow { get; init; }

    /// <summary>A field that must name exactly one thing (one interaction id, one pipeline key): more means file separately.</summary>
    public string? OneProblemPerCaseField { get; init; }

    /// <summary>Overrides the policy's default entitlement for this category.</summary>
    public EntitlementRule? Entitlement { get; init; }

    /// <summary>Severity for this category when the requester does not choose (e.g. questions are Sev4).</summary>
    public int? DefaultSeverity { get; init; }

    /// <summary>Shown to the requester on creation (e.g. "support will guide you but will not make the change").</summary>
    public LocalizedText? Notice { get; init; }

    /// <summary>Standard case fields this category requires (environment, occurredAt, productAreas, unavailability, workaround, impact, urgency).</summary>
    public IReadOnlyList<string> RequiredCaseFields { get; init; } = [];

    /// <summary>Email addresses that open a case of this category (inbound email maps recipient → category).</summary>
    public IReadOnlyList<string> InboundAddresses { get; init; } = [];
}
