using Microsoft.DurableTask;
using SupportFunctions.App.Cases;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.App.Durable;

/// <summary>The reminder before a customer-change wait ends, if the case still waits in that wait (<see cref="CaseClosing.RemindOfWait"/>).</summary>
public sealed class RemindCustomerActivity(CaseChanges changes, SupportPolicy policy, TimeProvider time) : TaskActivity<CustomerWait, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, CustomerWait input)
    {
        ArgumentNullException.ThrowIfNull(input);
        await DueTime.WaitUntilAsync(time, input.RemindAt ?? input.Since, CancellationToken.None);
        var reminded = false;
        await changes.ApplyAsync(input.Number, stored =>
        {
            var change = new CaseChangeBuilder(stored.Case, time.GetUtcNow(), "system");
            reminded = CaseClosing.RemindOfWait(change, policy, input.Since);
            return reminded ? new CaseChange(change) { SignalsSla = false } : null;
        }, CancellationToken.None);
        return reminded;
    }
}
