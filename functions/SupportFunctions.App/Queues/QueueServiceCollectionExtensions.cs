using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Queues;

public static class QueueServiceCollectionExtensions
{
    /// <summary>The app's queues: sending to them, handling their messages, parking poison. The host decides who receives them.</summary>
    public static IServiceCollection AddSupportQueues(this IServiceCollection services)
    {
        services.AddOptions<QueueOptions>().BindConfiguration(QueueOptions.Section);
        services.AddSingleton<QueueDispatcher>();
        services.AddSingleton<QueueSignals>();
        services.AddSingleton<QueueSender>();
        return services;
    }
}
