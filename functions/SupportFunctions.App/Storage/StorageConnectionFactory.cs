using SupportFunctions.Storage;

namespace SupportFunctions.App.Storage;

/// <summary>Turns <see cref="StorageOptions"/> into a <see cref="StorageConnection"/>, or one sentence saying which setting is wrong and the form it takes.</summary>
public static class StorageConnectionFactory
{
    public static StorageConnection Create(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            try
            {
                return StorageConnection.FromConnectionString(options.ConnectionString);
            }
            catch (FormatException ex)
            {
                throw new InvalidOperationException($"Setting '{StorageOptions.Section}:ConnectionString' is malformed: {ex.Message}", ex);
            }
        }

        if (!string.IsNullOrWhiteSpace(options.AccountName))
        {
            return StorageConnection.FromAccountName(options.AccountName, options.BlobEndpoint, options.QueueEndpoint, options.TableEndpoint);
        }

        throw new InvalidOperationException(
            $"Setting '{StorageOptions.Section}:ConnectionString' is missing: set it to 'UseDevelopmentStorage=true' for Azurite, to 'AccountName=<name>;AccountKey=<key>;EndpointSuffix=core.windows.net', or set '{StorageOptions.Section}:AccountName' to use managed identity.");
    }
}
