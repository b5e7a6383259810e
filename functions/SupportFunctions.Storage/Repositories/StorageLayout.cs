using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace SupportFunctions.Storage.Repositories;

/// <summary>Every table, container and queue the product uses, and their creation at start-up (idempotent).</summary>
public sealed class StorageLayout(TableServiceClient tables, BlobServiceClient blobs, QueueServiceClient queues, StorageNaming naming)
{
    public const string CasesTable = "cases";
    public const string CaseIndexTable = "caseindex";
    public const string CountersTable = "counters";
    public const string IdempotencyTable = "idempotency";
    public const string DirectoryTable = "directory";
    public const string ApiKeysTable = "apikeys";
    public const string UploadsTable = "uploads";
    public const string PoisonTable = "poison";
    public const string DefectsTable = "defects";
    public const string ErrorSignaturesTable = "errorsignatures";
    public const string InboundTable = "inbound";
    public const string MessageIdsTable = "messageids";
    public const string HoldsTable = "holds";
    public const string PurgesTable = "purges";
    public const string AgentQueueTable = "agentqueue";
    public const string SlaReportTable = "slareport";
    public const string FilesContainer = "files";
    public const string InboundContainer = "inbound";
    public const string PurgesContainer = "purges";
    public const string OutboxContainer = "outbox";
    public const string InboundQueue = "inbound";
    public const string CasesInboundQueue = "cases-inbound";
    public const string NotificationsQueue = "notifications";

    public static IReadOnlyList<string> TableNames { get; } = [CasesTable, CaseIndexTable, CountersTable, IdempotencyTable, DirectoryTable, ApiKeysTable, UploadsTable, PoisonTable, DefectsTable, ErrorSignaturesTable, InboundTable, MessageIdsTable, HoldsTable, PurgesTable, AgentQueueTable, SlaReportTable];

    public static IReadOnlyList<string> ContainerNames { get; } = [FilesContainer, InboundContainer, PurgesContainer, OutboxContainer];

    public static IReadOnlyList<string> QueueNames { get; } = [InboundQueue, CasesInboundQueue, NotificationsQueue];

    public StorageNaming Naming => naming;

    public TableClient Table(string name) => tables.GetTableClient(naming.Table(name));

    public BlobContainerClient Container(string name) => blobs.GetBlobContainerClient(naming.Container(name));

    public QueueClient Queue(string name) => queues.GetQueueClient(naming.Queue(name));

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var work = TableNames.Select(t => (Task)Table(t).CreateIfNotExistsAsync(cancellationToken))
            .Concat(ContainerNames.Select(c => (Task)Container(c).CreateIfNotExistsAsync(cancellationToken: cancellationToken)))
            .Concat(QueueNames.Select(q => (Task)Queue(q).CreateIfNotExistsAsync(cancellationToken: cancellationToken)));
        await Task.WhenAll(work);
    }
}
