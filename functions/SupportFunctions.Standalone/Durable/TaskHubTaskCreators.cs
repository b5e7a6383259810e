using DurableTask.Core;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask;

namespace SupportFunctions.Standalone.Durable;

/// <summary>The tasks of a <see cref="DurableTaskRegistry"/> for DurableTask.Core's <see cref="TaskHubWorker"/>, through the SDK's shims.</summary>
internal static class TaskHubTaskCreators
{
    /// <summary>
    /// The registry's tasks as DurableTask.Core object creators: a fresh orchestrator shim per execution, and an activity
    /// that resolves its class in a DI scope of its own per run (as the SDK's own worker does).
    /// </summary>
    internal static (ObjectCreator<TaskOrchestration>[] Orchestrations, ObjectCreator<TaskActivity>[] Activities) For(DurableTaskRegistry registry, IServiceProvider services, ILoggerFactory loggers)
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
