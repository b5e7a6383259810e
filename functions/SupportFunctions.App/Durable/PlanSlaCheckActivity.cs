using Microsoft.DurableTask;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Domain.Sla;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Durable;

/// <summary>Reads the case and asks the Domain's clocks when its SLA next needs a look (none for a closed or missing case).</summary>
public sealed class PlanSlaCheckActivity(CaseRepository cases, SupportPolicy policy) : TaskActivity<SlaCheck, SlaPlan>
{
    public override async Task<SlaPlan> RunAsync(TaskActivityContext context, SlaCheck input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stored = await cases.GetAsync(input.Number, CancellationToken.None);
        return new SlaPlan(stored is null ? null : SlaPlanner.NextCheck(policy, stored.Case, input.At));
    }
}
