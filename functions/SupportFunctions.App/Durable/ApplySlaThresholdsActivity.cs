using Microsoft.DurableTask;
using SupportFunctions.App.Cases;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Domain.Sla;

namespace SupportFunctions.App.Durable;

/// <summary>
/// The SLA timer fired: records the warnings and breaches due (<see cref="SlaThresholds"/>; each only once, by the
/// clocks' own state, however often the activity runs) — never before the instant they were due — and answers with the
/// next check of the case as it now stands, so the orchestration needs no second activity to plan.
/// </summary>
public sealed class ApplySlaThresholdsActivity(CaseChanges changes, SupportPolicy policy, TimeProvider time, ILogger<ApplySlaThresholdsActivity> logger) : TaskActivity<SlaCheck, SlaPlan>
{
    public override async Task<SlaPlan> RunAsync(TaskActivityContext context, SlaCheck input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var applied = 0;
        // The orchestration plans its next round itself; telling it "the case changed" would only add a round.
        var (_, current) = await DueCaseChange.ApplyAsync(changes, time, input.Number, input.At, change =>
        {
            var effects = SlaThresholds.Apply(change, policy);
            foreach (var effect in effects)
            {
                Logs.SlaThreshold(logger, effect.Kind.ToString(), change.Case.Number, effect.Clock.ToString(), effect.Elapsed, effect.Target);
            }

            applied = effects.Count;
            return applied > 0;
        }, signalsSla: false);
        return new SlaPlan(current is null ? null : SlaPlanner.NextCheck(policy, current, time.GetUtcNow()), applied);
    }
}
