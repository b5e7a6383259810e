using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.Storage.Blobs;
using SupportFunctions.Storage.Queues;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Everything of Storage a host composes, in one call: the layout (names under the prefix) and every repository and
    /// store over it. The SDK clients come from <see cref="StorageClientRegistration.AddStorageClients"/>.
    /// </summary>
    public static IServiceCollection AddStorageRepositories(this IServiceCollection services, Func<IServiceProvider, string?> prefix)
    {
        services.AddSingleton(sp => new StorageNaming(prefix(sp)));
        services.AddSingleton<StorageLayout>();
        services.AddSingleton(sp => new CaseNumberAllocator(sp.GetRequiredService<StorageLayout>()));
        services.AddSingleton<CaseRepository>();
        services.AddSingleton<CaseIndexRepository>();
        services.AddSingleton<IdempotencyRepository>();
        services.AddSingleton<DirectoryRepository>();
        services.AddSingleton<ApiKeyRepository>();
        services.AddSingleton<UploadRepository>();
        services.AddSingleton<DefectRepository>();
        services.AddSingleton<ErrorSignatureRepository>();
        services.AddSingleton<PoisonRepository>();
        services.AddSingleton<InboundRecordRepository>();
        services.AddSingleton<MessageIdRepository>();
        services.AddSingleton<SenderFloodCounter>();
        services.AddSingleton<OutboxRepository>();
        services.AddSingleton<LegalHoldRepository>();
        services.AddSingleton<PurgeRunRepository>();
        services.AddSingleton<AgentQueueRepository>();
        services.AddSingleton<SlaReportRepository>();
        services.AddSingleton<AppQueues>();
        services.AddSingleton<OutboxMailStore>();
        services.AddSingleton<InboundCopyStore>();
        services.AddSingleton<BlobUrlSigner>();
        services.AddSingleton<CaseFileStore>();
        return services;
    }
}
