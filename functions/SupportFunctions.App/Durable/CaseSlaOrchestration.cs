using Microsoft.DurableTask;

namespace SupportFunctions.App.Durable;

/// <summary>
/// One per case (instance id from the case number): knows or asks for the next SLA threshold of the case's running
/// clocks, arms a durable timer for it, and races it against <see cref="ChangedEvent"/> (a first public reply, a status
/// change that pauses or resumes the clocks, a severity change, a reopen, a close). The timer's activity applies the
/// thresholds due and answers with the next one, so a round costs one activity; an event means "plan again". Each round
/// ends in ContinueAsNew, so a case open for months keeps a history of one round. Time comes only from the
/// orchestration context; every effect is an activity. Waits are cancelled with Cancel, not
/// CancelAsync: orchestrator code must go on on the dispatcher's thread, and CancelAsync resumes on the thread pool.
/// </summary>
public sealed class CaseSlaOrchestration : TaskOrchestrator<SlaRound, string?>
{
    public const string ChangedEvent = "case-changed";

    public override async Task<string?> RunAsync(TaskOrchestrationContext context, SlaRound input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var now = new DateTimeOffset(context.CurrentUtcDateTime, TimeSpan.Zero);
        var plan = input.Plan ?? await context.CallActivityAsync<SlaPlan>(nameof(PlanSlaCheckActivity), new SlaCheck(input.Number, now));
        // What the instance waits for, for operators (and tests) reading the instance's status.
        context.SetCustomStatus(plan);

        using var stopWaiting = new CancellationTokenSource();
        var changed = context.WaitForExternalEvent<string>(ChangedEvent, stopWaiting.Token);
        if (plan.NextCheckAt is { } due)
        {
            using var stopTimer = new CancellationTokenSource();
            var timer = context.CreateTimer(due.UtcDateTime, stopTimer.Token);
            if (await Task.WhenAny(timer, changed) == timer)
            {
                stopWaiting.Cancel();
                var next = await context.CallActivityAsync<SlaPlan>(nameof(ApplySlaThresholdsActivity), new SlaCheck(input.Number, due));
                context.ContinueAsNew(new SlaRound(input.Number, next), preserveUnprocessedEvents: true);
                return null;
            }

            stopTimer.Cancel();
        }
        else
        {
            // Closed, or every clock met or paused: nothing is due until the case changes (reopen, resume).
            await changed;
        }

        context.ContinueAsNew(new SlaRound(input.Number), preserveUnprocessedEvents: true);
        return null;
    }
}
