using Microsoft.DurableTask.Client;

namespace SupportFunctions.App.Durable;

/// <summary>
/// The Durable Task client the app's services use. Standalone it is the one registered in DI (over the service's own
/// backend). Under Azure Functions the extension hands a client to each function through its <c>[DurableClient]</c>
/// binding only, so every function that may start or signal an orchestration enters <see cref="Use"/> with it for the
/// length of its invocation (an async-local value: concurrent invocations never see each other's).
/// </summary>
public sealed class DurableClientAccessor(IServiceProvider services)
{
    private static readonly AsyncLocal<DurableTaskClient?> Bound = new();

    public DurableTaskClient Client => Bound.Value
        ?? services.GetService<DurableTaskClient>()
        ?? throw new InvalidOperationException("No Durable Task client: under Azure Functions, the function must bind [DurableClient] and enter DurableClientAccessor.Use with it.");

    /// <summary>Makes <paramref name="client"/> the client for the calling invocation until the returned scope is disposed.</summary>
    public static IDisposable Use(DurableTaskClient client)
    {
        var previous = Bound.Value;
        Bound.Value = client;
        return new Restore(previous);
    }

    private sealed class Restore(DurableTaskClient? previous) : IDisposable
    {
        public void Dispose() => Bound.Value = previous;
    }
}
