using SupportFunctions.Domain.Cases;

namespace SupportFunctions.App.Cases;

/// <summary>
/// One change to a case as committed: the built state, events and intents, and new attachments. A change made by a
/// person ends a customer-change wait the case left (<see cref="Completing"/>); <see cref="SignalsSla"/> is false only
/// for changes the SLA orchestration makes itself (it plans its next round anyway).
/// </summary>
public sealed record CaseChange(CaseChangeBuilder Built)
{
    public IReadOnlyList<CaseAttachment> Attachments { get; init; } = [];

    public bool SignalsSla { get; init; } = true;

    /// <summary>Finishes a change made by a person: leaving Pending customer ends the customer-change wait.</summary>
    public static CaseChange Completing(CaseChangeBuilder change)
    {
        ArgumentNullException.ThrowIfNull(change);
        change.Update(CaseClosing.EndWaitIfLeft);
        return new CaseChange(change);
    }
}
