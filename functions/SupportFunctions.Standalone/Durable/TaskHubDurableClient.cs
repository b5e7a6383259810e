using System.Runtime.ExceptionServices;
using DurableTask.AzureStorage;
using DurableTask.Core.History;
using DurableTask.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask;
using SupportFunctions.App.Durable;
using Core = DurableTask.Core;
using CoreQuery = DurableTask.Core.Query;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;

namespace SupportFunctions.Standalone.Durable;

/// <summary>
/// The Durable Task SDK's client over the standalone engine's provider, in process: the operations the app and its
/// operators use (start, raise an event, read, query, wait, suspend, resume, terminate, purge) as DurableTask.Core
/// messages and queries. A storage failure surfaces as the SDK's <see cref="Azure.RequestFailedException"/>, so callers
/// answer it as they answer any storage failure.
/// </summary>
public sealed class TaskHubDurableClient(AzureStorageOrchestrationService service) : DurableTaskClient("standalone")
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private readonly DataConverter _converter = JsonDataConverter.Default;

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default) =>
        StorageAsync(async () =>
        {
            cancellation.ThrowIfCancellationRequested();
            var instance = new OrchestrationInstance
            {
                InstanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N"),
                ExecutionId = Guid.NewGuid().ToString("N"),
            };
            var started = new ExecutionStartedEvent(-1, _converter.Serialize(input))
            {
                Name = orchestratorName.Name,
                Version = options?.Version?.Version ?? string.Empty,
                OrchestrationInstance = instance,
                ScheduledStartTime = options?.StartAt?.UtcDateTime,
                Tags = options?.Tags?.ToDictionary(tag => tag.Key, tag => tag.Value) ?? [],
            };
            // An instance in one of these statuses is kept and the start refused (OrchestrationAlreadyExistsException).
            var dedupe = options?.DedupeStatuses?.Select(ToCore).ToArray();
            await service.CreateTaskOrchestrationAsync(new TaskMessage { OrchestrationInstance = instance, Event = started }, dedupe);
            return instance.InstanceId;
        });

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new EventRaisedEvent(-1, _converter.Serialize(eventPayload)) { Name = eventName }, cancellation);

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionSuspendedEvent(-1, reason), cancellation);

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionResumedEvent(-1, reason), cancellation);

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) =>
        StorageAsync(() =>
        {
            cancellation.ThrowIfCancellationRequested();
            return service.ForceTerminateTaskOrchestrationAsync(instanceId, _converter.Serialize(options?.Output));
        });

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        StorageAsync(async () =>
        {
            cancellation.ThrowIfCancellationRequested();
            var states = await service.GetOrchestrationStateAsync(instanceId, allExecutions: false, fetchInput: getInputsAndOutputs);
            return states is { Count: > 0 } ? ToMetadata(states[0], getInputsAndOutputs) : null;
        });

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        Pageable.Create(async (continuation, pageSize, cancellation) =>
        {
            var query = new CoreQuery.OrchestrationQuery
            {
                RuntimeStatus = filter?.Statuses?.Select(ToCore).ToList(),
                CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime,
                CreatedTimeTo = filter?.CreatedTo?.UtcDateTime,
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                PageSize = pageSize ?? filter?.PageSize ?? OrchestrationQuery.DefaultPageSize,
                ContinuationToken = continuation ?? filter?.ContinuationToken,
                FetchInputsAndOutputs = filter?.FetchInputsAndOutputs ?? false,
            };
            var result = await StorageAsync(() => service.GetOrchestrationWithQueryAsync(query, cancellation));
            return new Page<OrchestrationMetadata>([.. result.OrchestrationState.Select(state => ToMetadata(state, query.FetchInputsAndOutputs))], result.ContinuationToken);
        });

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        PollAsync(instanceId, getInputsAndOutputs, instance => instance.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        PollAsync(instanceId, getInputsAndOutputs, instance => instance.IsCompleted, cancellation);

    /// <summary>Reads the instance until <paramref name="reached"/> holds (the provider pushes no state changes to clients).</summary>
    private async Task<OrchestrationMetadata> PollAsync(string instanceId, bool getInputsAndOutputs, Func<OrchestrationMetadata, bool> reached, CancellationToken cancellation)
    {
        while (true)
        {
            var instance = await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation)
                ?? throw new InvalidOperationException($"Orchestration instance '{instanceId}' does not exist.");
            if (reached(instance))
            {
                return instance;
            }

            await Task.Delay(PollInterval, cancellation);
        }
    }

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        StorageAsync(async () =>
        {
            cancellation.ThrowIfCancellationRequested();
            var instance = await GetInstancesAsync(instanceId, cancellation: cancellation);
            if (instance is null)
            {
                return new PurgeResult(0);
            }

            // As every backend does: a running instance's history is its state, so only an ended one can be purged.
            if (!instance.IsCompleted)
            {
                throw new InvalidOperationException($"Orchestration instance '{instanceId}' is {instance.RuntimeStatus}; only an ended instance can be purged.");
            }

            return new PurgeResult((await Purges.PurgeInstanceStateAsync(instanceId)).DeletedInstanceCount);
        });

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) =>
        StorageAsync(async () =>
        {
            ArgumentNullException.ThrowIfNull(filter);
            cancellation.ThrowIfCancellationRequested();
            var coreFilter = new Core.PurgeInstanceFilter(
                filter.CreatedFrom?.UtcDateTime ?? DateTime.UnixEpoch,
                filter.CreatedTo?.UtcDateTime,
                filter.Statuses?.Select(ToCore));
            return new PurgeResult((await Purges.PurgeInstanceStateAsync(coreFilter)).DeletedInstanceCount);
        });

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private IOrchestrationServicePurgeClient Purges => service;

    private Task SendAsync(string instanceId, HistoryEvent message, CancellationToken cancellation) =>
        StorageAsync(() =>
        {
            cancellation.ThrowIfCancellationRequested();
            return service.SendTaskOrchestrationMessageAsync(new TaskMessage { OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId }, Event = message });
        });

    /// <summary>The SDK's and Core's status enums share their values; a status named in dedupe options is parsed by name.</summary>
    private static OrchestrationStatus ToCore(OrchestrationRuntimeStatus status) => (OrchestrationStatus)(int)status;

    private static OrchestrationStatus ToCore(string status) =>
        Enum.TryParse<OrchestrationRuntimeStatus>(status, ignoreCase: true, out var parsed)
            ? ToCore(parsed)
            : throw new ArgumentException($"'{status}' is not an orchestration status.", nameof(status));

    private OrchestrationMetadata ToMetadata(Core.OrchestrationState state, bool withInputsAndOutputs) =>
        new(state.Name, state.OrchestrationInstance.InstanceId)
        {
            DataConverter = withInputsAndOutputs ? _converter : null,
            RuntimeStatus = (OrchestrationRuntimeStatus)(int)state.OrchestrationStatus,
            CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.CreatedTime, DateTimeKind.Utc)),
            LastUpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.LastUpdatedTime, DateTimeKind.Utc)),
            SerializedInput = state.Input,
            SerializedOutput = state.Output,
            SerializedCustomStatus = state.Status,
            FailureDetails = state.FailureDetails is { } failure ? ToFailure(failure) : StoredFailure(state),
        };

    /// <summary>
    /// The provider keeps a failed instance's failure as its output, written as <c>FailureDetails.ToString()</c>
    /// ("error type: message"), and does not read it back as failure details; this gives callers the details the SDK
    /// promises for a failed instance.
    /// </summary>
    private static TaskFailureDetails? StoredFailure(Core.OrchestrationState state)
    {
        if (state.OrchestrationStatus != OrchestrationStatus.Failed || string.IsNullOrEmpty(state.Output))
        {
            return null;
        }

        var separator = state.Output.IndexOf(": ", StringComparison.Ordinal);
        return separator > 0 && !state.Output.AsSpan(0, separator).Contains(' ')
            ? new TaskFailureDetails(state.Output[..separator], state.Output[(separator + 2)..], null, null, null)
            : new TaskFailureDetails("Unknown", state.Output, null, null, null);
    }

    private static TaskFailureDetails ToFailure(Core.FailureDetails failure) =>
        new(failure.ErrorType, failure.ErrorMessage, failure.StackTrace, failure.InnerFailure is { } inner ? ToFailure(inner) : null, null);

    private static async Task StorageAsync(Func<Task> call) => await StorageAsync<object?>(async () =>
    {
        await call();
        return null;
    });

    /// <summary>Runs a provider call, rethrowing a wrapped storage failure as the SDK's own exception.</summary>
    private static async Task<T> StorageAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (ex is not Azure.RequestFailedException && DurableStorageFailure.Unwrap(ex) is { } storage)
        {
            ExceptionDispatchInfo.Throw(storage);
            throw;
        }
    }
}
