using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using SupportFunctions.App.Durable;
using SupportFunctions.App.Retention;

namespace SupportFunctions.Functions.Durable;

/// <summary>
/// The app's orchestrators and activities (the same classes the standalone service registers, see
/// <see cref="SupportTasks.AddSupportTasks"/>) as Durable Functions: each function runs its
/// class. Activities that change cases may signal other orchestrations, so they bind a Durable client too.
/// </summary>
public static class DurableFunctions
{
    [Function(nameof(CaseSlaOrchestration))]
    public static Task<string?> CaseSla([OrchestrationTrigger] TaskOrchestrationContext context, SlaRound input) =>
        new CaseSlaOrchestration().RunAsync(context, input);

    [Function(nameof(CustomerWaitOrchestration))]
    public static Task<string> CustomerWait([OrchestrationTrigger] TaskOrchestrationContext context, CustomerWait input) =>
        new CustomerWaitOrchestration().RunAsync(context, input);

    [Function(nameof(RetentionPurgeOrchestration))]
    public static Task<PurgeProgress> RetentionPurge([OrchestrationTrigger] TaskOrchestrationContext context, PurgeProgress input) =>
        new RetentionPurgeOrchestration().RunAsync(context, input);

    [Function(nameof(PlanSlaCheckActivity))]
    public static Task<SlaPlan> PlanSlaCheck([ActivityTrigger] SlaCheck input, [DurableClient] DurableTaskClient durable, FunctionContext function) =>
        RunAsync<PlanSlaCheckActivity, SlaCheck, SlaPlan>(input, durable, function);

    [Function(nameof(ApplySlaThresholdsActivity))]
    public static Task<SlaPlan> ApplySlaThresholds([ActivityTrigger] SlaCheck input, [DurableClient] DurableTaskClient durable, FunctionContext function) =>
        RunAsync<ApplySlaThresholdsActivity, SlaCheck, SlaPlan>(input, durable, function);

    [Function(nameof(RemindCustomerActivity))]
    public static Task<bool> RemindCustomer([ActivityTrigger] CustomerWait input, [DurableClient] DurableTaskClient durable, FunctionContext function) =>
        RunAsync<RemindCustomerActivity, CustomerWait, bool>(input, durable, function);

    [Function(nameof(AutoCloseCaseActivity))]
    public static Task<bool> AutoCloseCase([ActivityTrigger] CustomerWait input, [DurableClient] DurableTaskClient durable, FunctionContext function) =>
        RunAsync<AutoCloseCaseActivity, CustomerWait, bool>(input, durable, function);

    [Function(nameof(PlanPurgePageActivity))]
    public static Task<PurgePageResult> PlanPurgePage([ActivityTrigger] PurgePageRequest input, [DurableClient] DurableTaskClient durable, FunctionContext function) =>
        RunAsync<PlanPurgePageActivity, PurgePageRequest, PurgePageResult>(input, durable, function);

    [Function(nameof(ExecutePurgePageActivity))]
    public static Task<bool> ExecutePurgePage([ActivityTrigger] PurgePageRequest input, [DurableClient] DurableTaskClient durable, FunctionContext function) =>
        RunAsync<ExecutePurgePageActivity, PurgePageRequest, bool>(input, durable, function);

    [Function(nameof(FinishPurgeRunActivity))]
    public static Task<bool> FinishPurgeRun([ActivityTrigger] PurgeFinish input, [DurableClient] DurableTaskClient durable, FunctionContext function) =>
        RunAsync<FinishPurgeRunActivity, PurgeFinish, bool>(input, durable, function);

    private static async Task<TOutput> RunAsync<TActivity, TInput, TOutput>(TInput input, DurableTaskClient durable, FunctionContext function)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(function);
        var activity = ActivatorUtilities.CreateInstance<TActivity>(function.InstanceServices);
        using (DurableClientAccessor.Use(durable))
        {
            var instanceId = function.BindingContext.BindingData.TryGetValue("instanceId", out var id) && id is string text ? text : string.Empty;
            return await activity.RunAsync(new FunctionActivityContext(typeof(TActivity).Name, instanceId), input);
        }
    }
}
