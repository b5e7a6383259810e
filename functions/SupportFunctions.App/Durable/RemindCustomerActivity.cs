using Microsoft.DurableTask;
using SupportFunctions.App.Cases;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.App.Durable;

/// <summary>The reminder before a customer-change wait ends, if the case still waits in that wait (<see cref="CaseClosing.RemindOfWait"/>); a reminder moves no SLA clock.</summary>
public sealed class RemindCustomerActivity(CaseChanges changes, SupportPolicy policy, TimeProvider time) : TaskActivity<CustomerWait, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, CustomerWait input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (acted, _) = await DueCaseChange.ApplyAsync(changes, time, input.Number, input.RemindAt ?? input.Since, change => CaseClosing.RemindOfWait(change, policy, input.Since), signalsSla: false);
        return acted;
    }
}
