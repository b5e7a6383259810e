using Azure.Identity;
using SupportFunctions.Storage;

namespace SupportFunctions.App.Storage;

/// <summary>Turns <see cref="StorageOptions"/> into a <see cref="StorageAccount"/>, or one sentence saying which setting is wrong and the form it takes.</summary>
public static class StorageAccountFactory
{
    public static StorageAccount Create(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            try
            {
                return StorageAccount.Parse(options.ConnectionString);
            }
            catch (FormatException ex)
            {
                throw new InvalidOperationException($"Setting '{StorageOptions.Section}:ConnectionString' is malformed: {ex.Message}", ex);
            }
        }

        if (!string.IsNullOrWhiteSpace(options.AccountName))
        {
            return StorageAccount.WithTokenCredential(options.AccountName, new DefaultAzureCredential(), options.BlobEndpoint, options.QueueEndpoint, options.TableEndpoint);
        }

        throw new InvalidOperationException(
            $"Setting '{StorageOptions.Section}:ConnectionString' is missing: set it to 'UseDevelopmentStorage=true' for Azurite, to 'AccountName=<name>;AccountKey=<key>;EndpointSuffix=core.windows.net', or set '{StorageOptions.Section}:AccountName' to use managed identity.");
    }
}
