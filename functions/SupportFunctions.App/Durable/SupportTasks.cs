using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using SupportFunctions.App.Retention;

namespace SupportFunctions.App.Durable;

/// <summary>
/// Every orchestrator and activity of the app: the one list both hosts run. Azure Functions registers it on the
/// extension's worker, the standalone engine the registry they are added to (<see cref="AddSupportTasks"/>), whose tasks
/// it hands to DurableTask.Core's <see cref="TaskHubWorker"/> through the SDK's shims (<see cref="CreatorsFor"/>), so both
/// hosts run identical code.
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

    /// <summary>
    /// The registry's tasks as DurableTask.Core object creators: a fresh orchestrator shim per execution, and an activity
    /// that resolves its class in a DI scope of its own per run (as the SDK's own worker does).
    /// </summary>
    internal static (ObjectCreator<TaskOrchestration>[] Orchestrations, ObjectCreator<TaskActivity>[] Activities) CreatorsFor(DurableTaskRegistry registry, IServiceProvider services, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions(), loggers);
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        return (
            [.. registry.GetOrchestrators().Select(task => new Creator<TaskOrchestration>(task.Key, () => shims.CreateOrchestration(task.Key, task.Value(services))))],
            [.. registry.GetActivities().Select(task => new Creator<TaskActivity>(task.Key, () => new ScopedActivity(task.Key, task.Value, shims, scopes)))]);
    }

    /// <summary>A named task for DurableTask.Core: a fresh instance from <paramref name="create"/> each time it runs.</summary>
    private sealed class Creator<T> : ObjectCreator<T>
    {
        private readonly Func<T> _create;

        public Creator(TaskName name, Func<T> create)
        {
            Name = name.Name;
            Version = string.Empty;
            _create = create;
        }

        public override T Create() => _create();
    }

    /// <summary>One activity run: its class and dependencies come from a scope that ends with the run.</summary>
    private sealed class ScopedActivity(TaskName name, Func<IServiceProvider, ITaskActivity> create, DurableTaskShimFactory shims, IServiceScopeFactory scopes) : TaskActivity
    {
        public override string Run(TaskContext context, string input) =>
            throw new NotSupportedException("The dispatcher runs activities through RunAsync.");

        public override async Task<string> RunAsync(TaskContext context, string input)
        {
            await using var scope = scopes.CreateAsyncScope();
            return await shims.CreateActivity(name, create(scope.ServiceProvider)).RunAsync(context, input);
        }
    }
}
