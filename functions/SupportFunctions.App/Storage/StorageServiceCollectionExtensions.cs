using Microsoft.Extensions.Options;
using SupportFunctions.App.Queues;
using SupportFunctions.Storage;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The SDK clients (via <c>Microsoft.Extensions.Azure</c>) and all of Storage's repositories and stores (one call), from <c>SupportFunctions:Storage</c>, validated at start.</summary>
    public static IServiceCollection AddSupportStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddStorageClients(
            sp => StorageConnectionFactory.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value),
            // Resolved when a message fails decoding, not when the client is built: the dispatcher itself needs the queue clients.
            (sp, message, cancellationToken) => sp.GetRequiredService<QueueDispatcher>().ParkUndecodableAsync(message, cancellationToken));
        services.AddStorageRepositories(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Prefix);
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());
        return services;
    }
}
