using SupportFunctions.App.Reconcilers;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.AgentQueues;

public static class AgentQueueServiceCollectionExtensions
{
    /// <summary>The agents' queue and the SLA report: their stores, the projection every case change runs, its reconciler.</summary>
    public static IServiceCollection AddSupportAgentQueues(this IServiceCollection services)
    {
        services.AddSingleton<CaseProjection>();
        services.AddSingleton<AgentQueueReader>();
        services.AddSingleton<ProjectionReconciler>();
        services.AddSingleton<IReconciler>(sp => sp.GetRequiredService<ProjectionReconciler>());
        return services;
    }
}
