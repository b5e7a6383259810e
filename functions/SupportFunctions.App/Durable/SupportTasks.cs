using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using SupportFunctions.App.Retention;

namespace SupportFunctions.App.Durable;

/// <summary>
/// Every orchestrator and activity of the app: the one list both hosts run. Azure Functions registers it on the
/// extension's worker (<see cref="AddSupportTasks"/>); the standalone engine hands the same classes to DurableTask.Core's
/// <see cref="TaskHubWorker"/> through the SDK's shims (<see cref="CreatorsFor"/>), so both run identical code.
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
    /// The tasks as DurableTask.Core object creators: a fresh orchestrator shim per execution, and an activity that
    /// resolves its class in a DI scope of its own per run (as the SDK's own worker does).
    /// </summary>
    internal static (ObjectCreator<TaskOrchestration>[] Orchestrations, ObjectCreator<TaskActivity>[] Activities) CreatorsFor(IServiceProvider services, ILoggerFactory loggers)
    {
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions(), loggers);
        return (
            [.. Orchestrators.Select(type => new OrchestrationCreator(type, shims, services))],
            [.. Activities.Select(type => new ActivityCreator(type, shims, services.GetRequiredService<IServiceScopeFactory>()))]);
    }

    private sealed class OrchestrationCreator : ObjectCreator<TaskOrchestration>
    {
        private readonly Type _type;
        private readonly DurableTaskShimFactory _shims;
        private readonly IServiceProvider _services;

        public OrchestrationCreator(Type type, DurableTaskShimFactory shims, IServiceProvider services)
        {
            Name = type.Name;
            Version = string.Empty;
            _type = type;
            _shims = shims;
            _services = services;
        }

        public override TaskOrchestration Create() =>
            _shims.CreateOrchestration(Name, (ITaskOrchestrator)ActivatorUtilities.CreateInstance(_services, _type));
    }

    private sealed class ActivityCreator : ObjectCreator<TaskActivity>
    {
        private readonly Type _type;
        private readonly DurableTaskShimFactory _shims;
        private readonly IServiceScopeFactory _scopes;

        public ActivityCreator(Type type, DurableTaskShimFactory shims, IServiceScopeFactory scopes)
        {
            Name = type.Name;
            Version = string.Empty;
            _type = type;
            _shims = shims;
            _scopes = scopes;
        }

        public override TaskActivity Create() => new ScopedActivity(Name, _type, _shims, _scopes);
    }

    /// <summary>One activity run: its class and dependencies come from a scope that ends with the run.</summary>
    private sealed class ScopedActivity(string name, Type type, DurableTaskShimFactory shims, IServiceScopeFactory scopes) : TaskActivity
    {
        public override string Run(TaskContext context, string input) =>
            throw new NotSupportedException("The dispatcher runs activities through RunAsync.");

        public override async Task<string> RunAsync(TaskContext context, string input)
        {
            await using var scope = scopes.CreateAsyncScope();
            var activity = (ITaskActivity)ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);
            return await shims.CreateActivity(name, activity).RunAsync(context, input);
        }
    }
}
