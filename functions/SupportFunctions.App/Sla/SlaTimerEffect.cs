using SupportFunctions.App.Cases;
using SupportFunctions.App.Timers;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Domain.Sla;

namespace SupportFunctions.App.Sla;

/// <summary>The "sla" timer fired: apply the thresholds that are due (<see cref="SlaThresholds"/>), then arm the timer for the next one.</summary>
public sealed class SlaTimerEffect(CaseChanges changes, SupportPolicy policy, TimeProvider time, ILogger<SlaTimerEffect> logger) : ITimerEffect
{
    public string Kind => SlaPlanner.TimerKind;

    public Task FireAsync(TimerMessage timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return changes.FireAsync(timer, stored => Decide(stored.Case), cancellationToken);
    }

    private CaseChange Decide(SupportCase c)
    {
        var now = time.GetUtcNow();
        var change = new CaseChangeBuilder(c, now, "system");
        foreach (var effect in SlaThresholds.Apply(change, policy))
        {
            Logs.SlaThreshold(logger, effect.Kind.ToString(), c.Number, effect.Clock.ToString(), effect.Elapsed, effect.Target);
        }

        return new CaseChange(change) { Timers = SlaPlanner.Timers(policy, change.Case, now), FiredTimer = Kind };
    }
}
