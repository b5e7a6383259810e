using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace SupportFunctions.App.Durable;

/// <summary>Starting an orchestration whose instance id says what it is for: a second start is a no-op, never a replacement.</summary>
public static class OrchestrationStarts
{
    /// <summary>Every status an instance can be in: an existing instance, whatever its state, is never replaced.</summary>
    private static readonly OrchestrationRuntimeStatus[] Existing = Enum.GetValues<OrchestrationRuntimeStatus>();

    public static async Task StartOnceAsync(this DurableTaskClient client, string name, string instanceId, object input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(name, input, new StartOrchestrationOptions(instanceId).WithDedupeStatuses(Existing), cancellationToken);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // Started before (a retried request, a redelivered message): the existing instance is the one we want.
        }
    }
}
