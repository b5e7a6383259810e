using SupportFunctions.Storage;
using SupportFunctions.Storage.Blobs;

namespace SupportFunctions.App.Uploads;

/// <summary>
/// Signs short-lived URLs for one blob: with the account key when we have one (local, Azurite), otherwise with a user
/// delegation key obtained under the managed identity and reused while it stays valid.
/// </summary>
public sealed class UploadUrlSigner(StorageAccount account, BlobServiceClient blobs, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private UserDelegationKey? _key;

    public async Task<Uri> SignAsync(BlobContainerClient container, string blobName, BlobSasPermissions permissions, DateTimeOffset expiresOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        if (account.SharedKey is not null)
        {
            return container.GenerateSasUri(blobName, permissions, expiresOn);
        }

        var key = await DelegationKeyAsync(expiresOn, cancellationToken);
        return container.GenerateUserDelegationSasUri(blobName, permissions, expiresOn, key);
    }

    public void Dispose() => _gate.Dispose();

    private async Task<UserDelegationKey> DelegationKeyAsync(DateTimeOffset neededUntil, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_key is null || _key.SignedExpiresOn < neededUntil)
            {
                var now = time.GetUtcNow();
                _key = await blobs.GetUserDelegationKeyAsync(now.AddMinutes(-5), now.AddHours(6), cancellationToken);
            }

            return _key;
        }
        finally
        {
            _gate.Release();
        }
    }
}
