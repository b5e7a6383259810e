using SupportFunctions.Domain.Policies;
using SupportFunctions.Domain.Retention;
using SupportFunctions.Storage.Blobs;
using SupportFunctions.Storage.Repositories;
using SupportFunctions.Storage.Tables;

namespace SupportFunctions.App.Retention;

/// <summary>What a purge run sweeps, in the order it sweeps it: staged uploads, inbound records, files, inbound copies, closed cases.</summary>
public sealed class PurgeSources(StorageLayout layout, CaseRepository cases, CaseIndexRepository index, SupportPolicy policy, ILogger<PurgeSources> logger)
{
    public IReadOnlyList<IPurgeSource> InOrder { get; } =
    [
        new EntityPurgeSource(StorageLayout.UploadsTable, new ExpiringRows(layout, StorageLayout.UploadsTable)),
        new EntityPurgeSource(StorageLayout.InboundTable, new ExpiringRows(layout, StorageLayout.InboundTable)),
        new BlobPurgeSource(StorageLayout.FilesContainer, new RetainedBlobs(layout, StorageLayout.FilesContainer), DataClasses.UploadedDataFiles, namesHoldFileNames: true, policy, untrustedPrefix: Uploads.UploadService.LandingPrefix),
        new BlobPurgeSource("inbound-files", new RetainedBlobs(layout, StorageLayout.InboundContainer), DataClasses.RawInboundEmail, namesHoldFileNames: false, policy),
        new ClosedCasePurgeSource(cases, index, policy, logger),
    ];
}
