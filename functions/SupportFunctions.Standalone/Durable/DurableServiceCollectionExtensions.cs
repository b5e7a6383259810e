using Microsoft.DurableTask.Client;
using Microsoft.DurableTask;
using SupportFunctions.App.Durable;

namespace SupportFunctions.Standalone.Durable;

public static class DurableServiceCollectionExtensions
{
    /// <summary>
    /// The standalone durable engine (<see cref="DurableEngine"/>: DurableTask.Core's worker over the Azure Storage
    /// provider on our account, running the tasks of the <see cref="DurableTaskRegistry"/> options: <see cref="SupportTasks"/>,
    /// and whatever a test or benchmark adds with <c>Configure&lt;DurableTaskRegistry&gt;</c>) and the Durable Task client over
    /// the same provider.
    /// </summary>
    public static IServiceCollection AddSupportDurable(this IServiceCollection services)
    {
        services.AddOptions<DurableOptions>().BindConfiguration(DurableOptions.Section);
        services.Configure<DurableTaskRegistry>(SupportTasks.AddSupportTasks);
        services.AddSingleton<DurableEngine>();
        services.AddHostedService(sp => sp.GetRequiredService<DurableEngine>());
        services.AddSingleton<DurableTaskClient>(sp => new TaskHubDurableClient(sp.GetRequiredService<DurableEngine>().Service));
        return services;
    }
}
