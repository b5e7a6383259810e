namespace SupportFunctions.App.Durable;

/// <summary>
/// One round of a case's SLA orchestration: the case, and what the previous step already knows about its next check
/// (from the case's opening, or from the thresholds just applied); null when it must be planned from the stored case.
/// </summary>
public sealed record SlaRound(string Number, SlaPlan? Plan = null);
