using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;

namespace SupportFunctions.App.Durable;

/// <summary>
/// Every orchestrator and activity of the app: the one list both hosts run. Azure Functions registers it on the
/// extension's worker; the standalone service's engine hands the registry they are added to (<see cref="AddSupportTasks"/>)
/// to DurableTask.Core's worker through the SDK's shims, so both hosts run identical code.
/// </summary>
public static class SupportTasks
{
    private static readonly Type[] Orchestrators =
    [
        typeof(CaseSlaOrchestration),
        typeof(CustomerWaitOrchestration),
        typeof(RetentionPurgeOrchestration),
    ];

    private static readonly Type[] Activities =
    [
        typeof(PlanSlaCheckActivity),
        typeof(ApplySlaThresholdsActivity),
        typeof(RemindCustomerActivity),
        typeof(AutoCloseCaseActivity),
        typeof(PlanPurgePageActivity),
        typeof(ExecutePurgePageActivity),
        typeof(FinishPurgeRunActivity),
    ];

    /// <summary>Registers every task under its class name (the name orchestrations call it by).</summary>
    public static void AddSupportTasks(DurableTaskRegistry tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        foreach (var orchestrator in Orchestrators)
        {
            tasks.AddOrchestrator(orchestrator.Name, orchestrator);
        }

        foreach (var activity in Activities)
        {
            tasks.AddActivity(activity.Name, activity);
        }
    }
}
