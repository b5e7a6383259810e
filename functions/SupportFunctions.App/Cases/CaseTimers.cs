using SupportFunctions.App.Sla;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.App.Cases;

/// <summary>Every timer a case needs after a change: its SLA check, and the customer-change wait (reminder, auto-close).</summary>
public static class CaseTimers
{
    public static IReadOnlyDictionary<string, DateTimeOffset?> After(SupportPolicy policy, SupportCase before, SupportCase after, DateTimeOffset now)
    {
        var timers = new Dictionary<string, DateTimeOffset?>(SlaPlanner.Timers(policy, after, now));
        foreach (var (kind, due) in CaseClosing.Timers(policy, before, after))
        {
            timers[kind] = due;
        }

        return timers;
    }

    /// <summary>Finishes a change made by a person: ends a customer-change wait the case left, and plans its timers.</summary>
    public static CaseChange Complete(SupportPolicy policy, SupportCase before, CaseChangeBuilder change)
    {
        ArgumentNullException.ThrowIfNull(change);
        change.Update(CaseClosing.EndWaitIfLeft);
        return new CaseChange(change) { Timers = After(policy, before, change.Case, change.At) };
    }
}
