using Microsoft.DurableTask;
using SupportFunctions.App.Cases;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.App.Durable;

/// <summary>The end of a customer-change wait: the case closes with its reason and notice, if it still waits in that wait (<see cref="CaseClosing.CloseAfterWait"/>).</summary>
public sealed class AutoCloseCaseActivity(CaseChanges changes, SupportPolicy policy, TimeProvider time) : TaskActivity<CustomerWait, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, CustomerWait input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (acted, _) = await DueCaseChange.ApplyAsync(changes, time, input.Number, input.ClosesAt, change => CaseClosing.CloseAfterWait(change, policy, input.Since), signalsSla: true);
        return acted;
    }
}
