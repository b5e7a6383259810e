using SupportFunctions.App.Tests.Infrastructure;

namespace SupportFunctions.Functions.Tests;

/// <summary>
/// A test class with the standalone app and a Functions worker on the same storage prefix and policy: what one does,
/// the other sees.
/// </summary>
public abstract class WorkerBesideStandalone(string policy) : IAsyncLifetime
{
    protected SupportApp Standalone { get; private set; } = null!;

    internal FunctionsWorker Worker { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Standalone = await SupportApp.StartAsync(policy);
        Worker = await FunctionsWorker.StartAsync(policy, Standalone.Prefix);
    }

    public async Task DisposeAsync()
    {
        await Worker.DisposeAsync();
        await Standalone.DisposeAsync();
    }
}
