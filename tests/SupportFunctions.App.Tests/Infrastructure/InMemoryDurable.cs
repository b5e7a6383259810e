using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;

namespace SupportFunctions.App.Tests.Infrastructure;

/// <summary>
/// The InProcessTestHost's in-memory backend, for unit tests of an orchestration's decisions with scripted activities:
/// no storage, real durable timers. On a port the OS says is free (the package's own pick is a random one, which can
/// meet an Azurite port).
/// </summary>
public static class InMemoryDurable
{
    public static Task<DurableTaskTestHost> StartAsync(Action<DurableTaskRegistry> tasks, CancellationToken cancellationToken)
    {
        return DurableTaskTestHost.StartAsync(tasks, new DurableTaskTestHostOptions { Port = LoopbackPort.Free() }, cancellationToken);
    }
}
