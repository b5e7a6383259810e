using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;

namespace SupportFunctions.Storage;

/// <summary>
/// Registers the three SDK service clients with <c>Microsoft.Extensions.Azure</c>: from the connection string when there
/// is one, else from the service URIs with <see cref="DefaultAzureCredential"/> (managed identity). A second, named set
/// (<see cref="ProbeClientName"/>) has no retries and a short timeout, for readiness checks. <paramref name="configureQueues"/>
/// lets the host attach what only it knows to every queue client (what to do with a message the SDK cannot decode).
/// </summary>
public static class StorageClientRegistration
{
    public const string ProbeClientName = "probe";

    public static IServiceCollection AddStorageClients(this IServiceCollection services, Func<IServiceProvider, StorageConnection> connection, Action<QueueClientOptions, IServiceProvider>? configureQueues = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        services.AddSingleton(connection);
        services.AddAzureClients(clients =>
        {
            clients.UseCredential(new DefaultAzureCredential());
            Register(clients, probe: false, configureQueues);
            Register(clients, probe: true, configureQueues);
        });
        return services;
    }

    private static void Register(AzureClientFactoryBuilder clients, bool probe, Action<QueueClientOptions, IServiceProvider>? configureQueues)
    {
        var tables = clients.AddClient<TableServiceClient, TableClientOptions>((_, credential, sp) =>
        {
            var c = sp.GetRequiredService<StorageConnection>();
            var options = StorageClientSettings.Tables(probe);
            return c.ConnectionString is { } cs ? new TableServiceClient(cs, options) : new TableServiceClient(c.TableServiceUri, credential, options);
        });
        var blobs = clients.AddClient<BlobServiceClient, BlobClientOptions>((_, credential, sp) =>
        {
            var c = sp.GetRequiredService<StorageConnection>();
            var options = StorageClientSettings.Blobs(probe);
            return c.ConnectionString is { } cs ? new BlobServiceClient(cs, options) : new BlobServiceClient(c.BlobServiceUri, credential, options);
        });
        var queues = clients.AddClient<QueueServiceClient, QueueClientOptions>((_, credential, sp) =>
        {
            var c = sp.GetRequiredService<StorageConnection>();
            var options = StorageClientSettings.Queues(probe);
            configureQueues?.Invoke(options, sp);
            return c.ConnectionString is { } cs ? new QueueServiceClient(cs, options) : new QueueServiceClient(c.QueueServiceUri, credential, options);
        });
        if (probe)
        {
            tables.WithName(ProbeClientName);
            blobs.WithName(ProbeClientName);
            queues.WithName(ProbeClientName);
        }
    }
}
