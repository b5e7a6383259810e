namespace SupportFunctions.App.Storage;

/// <summary>
/// <c>SupportFunctions:Storage</c>: either a connection string (local, Azurite, keys) or an account name for managed
/// identity in Azure (optionally with explicit endpoints, e.g. sovereign clouds or private endpoints).
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "SupportFunctions:Storage";

    public string? ConnectionString { get; set; }

    public string? AccountName { get; set; }

    public Uri? BlobEndpoint { get; set; }

    public Uri? QueueEndpoint { get; set; }

    public Uri? TableEndpoint { get; set; }

    /// <summary>Prefix for every table, container and queue name, so deployments or test runs can share an account.</summary>
    public string? Prefix { get; set; }
}
