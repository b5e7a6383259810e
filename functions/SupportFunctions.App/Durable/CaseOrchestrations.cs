using Microsoft.DurableTask.Client;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.App.Durable;

/// <summary>
/// The only way the rest of the app touches the case orchestrations. Instance ids derive from the case (and a wait's
/// start), so starting twice is a no-op and every event finds its instance. Starts happen before the case is committed
/// (a failed commit leaves an orchestration whose activities find nothing to do, never a committed case without one);
/// "the case changed" is raised after the commit, so the orchestration plans from what was written.
/// </summary>
public sealed class CaseOrchestrations(DurableClientAccessor durable, SupportPolicy policy)
{
    private DurableTaskClient Client => durable.Client;

    public static string SlaInstanceId(string number) => "sla-" + number;

    public static string WaitInstanceId(string number, DateTimeOffset since) => $"wait-{number}-{since.UtcTicks}";

    /// <summary>Starts the case's SLA orchestration; <paramref name="plan"/>, when the caller knows it (a new case), saves it a planning step.</summary>
    public Task StartSlaAsync(string number, SlaPlan? plan, CancellationToken cancellationToken) =>
        Client.StartOnceAsync(nameof(CaseSlaOrchestration), SlaInstanceId(number), new SlaRound(number, plan), cancellationToken);

    /// <summary>Before a change is committed: starts the customer-change wait it begins, if any.</summary>
    public async Task BeforeCommitAsync(SupportCase before, SupportCase after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (CaseClosing.WaitBegun(before, after) is { } since)
        {
            var schedule = CaseClosing.WaitSchedule(policy, since);
            await Client.StartOnceAsync(nameof(CustomerWaitOrchestration), WaitInstanceId(after.Number, since), new CustomerWait(after.Number, since, schedule.RemindAt, schedule.ClosesAt), cancellationToken);
        }
    }

    /// <summary>After a change is committed: ends the wait it left, and tells the case's SLA orchestration to plan again.</summary>
    public async Task AfterCommitAsync(SupportCase before, SupportCase after, bool signalSla, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (CaseClosing.WaitEnded(before, after) is { } since)
        {
            await Client.RaiseEventAsync(WaitInstanceId(after.Number, since), CustomerWaitOrchestration.EndedEvent, after.Status.ToString(), cancellationToken);
        }

        if (signalSla)
        {
            // A case opened before its orchestration existed (or whose start was lost) gets one now.
            if (await Client.GetInstanceAsync(SlaInstanceId(after.Number), getInputsAndOutputs: false, cancellationToken) is null)
            {
                await StartSlaAsync(after.Number, null, cancellationToken);
            }
            else
            {
                await Client.RaiseEventAsync(SlaInstanceId(after.Number), CaseSlaOrchestration.ChangedEvent, after.Status.ToString(), cancellationToken);
            }
        }
    }
}
