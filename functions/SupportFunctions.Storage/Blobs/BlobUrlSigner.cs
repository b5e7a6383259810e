using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;

namespace SupportFunctions.Storage.Blobs;

/// <summary>
/// Signs short-lived URLs for one blob with the SDK's <see cref="BlobSasBuilder"/>: with the account key when the client
/// holds one (<see cref="BlobClient.CanGenerateSasUri"/>: local, Azurite), otherwise with a user delegation key obtained
/// under the managed identity and reused while it stays valid.
/// </summary>
public sealed class BlobUrlSigner(BlobServiceClient blobs, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private UserDelegationKey? _key;

    public async Task<Uri> SignAsync(BlobContainerClient container, string blobName, BlobSasPermissions permissions, DateTimeOffset expiresOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(container);
        var blob = container.GetBlobClient(blobName);
        var sas = new BlobSasBuilder(permissions, expiresOn)
        {
            BlobContainerName = container.Name,
            BlobName = blobName,
            Resource = "b",
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        if (blob.CanGenerateSasUri)
        {
            return blob.GenerateSasUri(sas);
        }

        var key = await DelegationKeyAsync(expiresOn, cancellationToken);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key, blobs.AccountName) }.ToUri();
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
                _key = (await blobs.GetUserDelegationKeyAsync(now.AddMinutes(-5), now.AddHours(6), cancellationToken)).Value;
            }

            return _key;
        }
        finally
        {
            _gate.Release();
        }
    }
}
