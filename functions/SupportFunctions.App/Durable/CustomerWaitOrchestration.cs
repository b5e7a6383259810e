using Microsoft.DurableTask;

namespace SupportFunctions.App.Durable;

/// <summary>
/// One per customer-change wait (instance id from the case number and the wait's start): a durable timer to the
/// reminder, then one to the auto-close, each racing <see cref="EndedEvent"/> (the customer answered, or the case left
/// the wait). The activities check the case still waits in this same wait, so a lost event still changes nothing.
/// </summary>
public sealed class CustomerWaitOrchestration : TaskOrchestrator<CustomerWait, string>
{
    public const string EndedEvent = "wait-ended";

    public override async Task<string> RunAsync(TaskOrchestrationContext context, CustomerWait input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        using var stopWaiting = new CancellationTokenSource();
        var ended = context.WaitForExternalEvent<string>(EndedEvent, stopWaiting.Token);

        if (input.RemindAt is { } remindAt)
        {
            if (!await ElapsesFirstAsync(context, remindAt, ended))
            {
                return "ended before the reminder";
            }

            await context.CallActivityAsync(nameof(RemindCustomerActivity), input);
        }

        if (!await ElapsesFirstAsync(context, input.ClosesAt, ended))
        {
            return "ended before the auto-close";
        }

        stopWaiting.Cancel();
        return await context.CallActivityAsync<bool>(nameof(AutoCloseCaseActivity), input) ? "auto-closed" : "no longer waiting";
    }

    private static async Task<bool> ElapsesFirstAsync(TaskOrchestrationContext context, DateTimeOffset at, Task ended)
    {
        using var stopTimer = new CancellationTokenSource();
        var timer = context.CreateTimer(at.UtcDateTime, stopTimer.Token);
        if (await Task.WhenAny(timer, ended) == timer)
        {
            return true;
        }

        stopTimer.Cancel();
        return false;
    }
}
