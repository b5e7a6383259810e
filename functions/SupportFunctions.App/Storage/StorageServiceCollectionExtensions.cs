using Microsoft.Extensions.Options;
using SupportFunctions.Storage;
using SupportFunctions.Storage.Blobs;
using SupportFunctions.Storage.Queues;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.App.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>The account and one client per service, all from <c>SupportFunctions:Storage</c>, validated at start.</summary>
    public static IServiceCollection AddSupportStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton(sp => StorageAccountFactory.Create(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton(sp => new TableServiceClient(sp.GetRequiredService<StorageAccount>()));
        services.AddSingleton(sp => new BlobServiceClient(sp.GetRequiredService<StorageAccount>()));
        services.AddSingleton(sp => new QueueServiceClient(sp.GetRequiredService<StorageAccount>()));
        return services;
    }
}
