namespace SupportFunctions.App.Durable;

/// <summary>An SLA check of one case at one instant: planning from it, or applying the thresholds due by it.</summary>
public sealed record SlaCheck(string Number, DateTimeOffset At);
