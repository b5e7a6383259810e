using SupportFunctions.App.Cases;
using SupportFunctions.Domain.Cases;

namespace SupportFunctions.App.Durable;

/// <summary>
/// A wait's step on its case: once its instant has really come (<see cref="DueTime"/>), the system applies a Domain
/// rule to the stored case, and the change is committed only if the rule acted (it acts only while the case still
/// waits in that wait, so a step run twice, or after the wait ended, changes nothing). The SLA thresholds' activity is
/// such a step too: its rule acts only on thresholds the clocks have not recorded.
/// </summary>
public static class DueCaseChange
{
    /// <summary>
    /// Whether the rule acted, and the case as it now stands (null: no such case). <paramref name="signalsSla"/>: whether
    /// the change can move the case's SLA clocks.
    /// </summary>
    public static async Task<(bool Acted, SupportCase? Case)> ApplyAsync(CaseChanges changes, TimeProvider time, string number, DateTimeOffset due, Func<CaseChangeBuilder, bool> rule, bool signalsSla)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(rule);
        await DueTime.WaitUntilAsync(time, due, CancellationToken.None);
        var acted = false;
        var current = await changes.ApplyAsync(number, stored =>
        {
            var change = new CaseChangeBuilder(stored.Case, time.GetUtcNow(), "system");
            acted = rule(change);
            return acted ? new CaseChange(change) { SignalsSla = signalsSla } : null;
        }, CancellationToken.None);
        return (acted, current);
    }
}
