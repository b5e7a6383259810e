namespace SupportFunctions.Domain.Policies;

/// <summary>SLA targets per severity, when clocks pause, and when to warn.</summary>
public sealed record SlaRules
{
    public int WarningPercent { get; init; } = 75;

    /// <summary>Statuses during which clocks stand still.</summary>
    public IReadOnlyList<string> PauseOn { get; init; } = ["PendingCustomer", "OnHold"];

    public IReadOnlyList<SlaTarget> Targets { get; init; } = [];
}
