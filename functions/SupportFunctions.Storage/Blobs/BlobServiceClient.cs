using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Azure.Core;

namespace SupportFunctions.Storage.Blobs;

/// <summary>The account's Blob service: containers and, under a token credential, user delegation keys for SAS.</summary>
public sealed class BlobServiceClient(StorageAccount account, StorageClientOptions? options = null)
{
    private readonly StoragePipeline _pipeline = new(account, StorageServiceKind.Blob, options);

    public StorageAccount Account => _pipeline.Account;

    public BlobContainerClient GetContainerClient(string containerName) => new(_pipeline, containerName);

    /// <summary>The cheapest authenticated request (list one container): succeeds only if the service answers and accepts our credentials.</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, string.Empty, ("comp", "list"), ("maxresults", "1"));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status != 200)
        {
            throw _pipeline.Failure(response, "List containers");
        }
    }

    /// <summary>Get User Delegation Key: needed to sign a SAS when the app holds no account key (managed identity).</summary>
    public async Task<UserDelegationKey> GetUserDelegationKeyAsync(DateTimeOffset startsOn, DateTimeOffset expiresOn, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Post, string.Empty, ("restype", "service"), ("comp", "userdelegationkey"));
        var body = new XElement(
            "KeyInfo",
            new XElement("Start", startsOn.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            new XElement("Expiry", expiresOn.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(body.ToString(SaveOptions.DisableFormatting)));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status != 200)
        {
            throw _pipeline.Failure(response, "Get user delegation key");
        }

        var root = XDocument.Parse(response.Content.ToString()).Root!;
        string Field(string name) => root.Element(name)?.Value ?? throw new StorageRequestFailedException(200, "MalformedUserDelegationKey", null, $"The user delegation key has no {name}.");
        return new UserDelegationKey(
            Field("SignedOid"),
            Field("SignedTid"),
            DateTimeOffset.Parse(Field("SignedStart"), CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(Field("SignedExpiry"), CultureInfo.InvariantCulture),
            Field("SignedService"),
            Field("SignedVersion"),
            Field("Value"));
    }
}
