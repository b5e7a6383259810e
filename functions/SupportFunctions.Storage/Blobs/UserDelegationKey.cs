namespace SupportFunctions.Storage.Blobs;

/// <summary>A key the Blob service issues to a token-authenticated caller for signing user delegation SAS.</summary>
public sealed record UserDelegationKey(
    string SignedObjectId,
    string SignedTenantId,
    DateTimeOffset SignedStartsOn,
    DateTimeOffset SignedExpiresOn,
    string SignedService,
    string SignedVersion,
    string Value);
