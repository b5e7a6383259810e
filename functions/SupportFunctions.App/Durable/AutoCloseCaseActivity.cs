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
        await DueTime.WaitUntilAsync(time, input.ClosesAt, CancellationToken.None);
        var closed = false;
        await changes.ApplyAsync(input.Number, stored =>
        {
            var change = new CaseChangeBuilder(stored.Case, time.GetUtcNow(), "system");
            closed = CaseClosing.CloseAfterWait(change, policy, input.Since);
            return closed ? new CaseChange(change) : null;
        }, CancellationToken.None);
        return closed;
    }
}
