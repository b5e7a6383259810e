namespace SupportFunctions.App.Durable;

public static class OrchestrationServiceCollectionExtensions
{
    /// <summary>
    /// Starting and ending the case orchestrations, through the client the host hands out: the standalone engine's, or the
    /// Durable extension's binding under Azure Functions (<see cref="DurableClientAccessor"/>).
    /// </summary>
    public static IServiceCollection AddSupportOrchestrations(this IServiceCollection services)
    {
        services.AddSingleton<DurableClientAccessor>();
        services.AddSingleton<CaseOrchestrations>();
        return services;
    }
}
