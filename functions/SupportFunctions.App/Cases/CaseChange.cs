using SupportFunctions.Domain.Cases;

namespace SupportFunctions.App.Cases;

/// <summary>
/// One change to a case as committed: the built state, events and intents, and new attachments.
/// <see cref="SignalsSla"/> is false for changes that cannot move the SLA clocks (a wait's reminder) and for those the SLA
/// orchestration makes itself (it plans its next round anyway).
/// </summary>
public sealed record CaseChange(CaseChangeBuilder Built)
{
    public IReadOnlyList<CaseAttachment> Attachments { get; init; } = [];

    public bool SignalsSla { get; init; } = true;
}
