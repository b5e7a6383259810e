using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using SupportFunctions.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;

namespace SupportFunctions.Storage;

/// <summary>
/// Registers the three SDK service clients with <c>Microsoft.Extensions.Azure</c>: from the connection string when there
/// is one, else from the service URIs with <see cref="DefaultAzureCredential"/> (managed identity). A second, named set
/// (<see cref="ProbeClientName"/>) has no retries and a short timeout, for readiness checks. <paramref name="onUndecodable"/>
/// is the host's answer to a message the SDK cannot decode (the app parks it as poison).
/// </summary>
public static class StorageClientRegistration
{
    public const string ProbeClientName = "probe";

    public static IServiceCollection AddStorageClients(this IServiceCollection services, Func<IServiceProvider, StorageConnection> connection, Func<IServiceProvider, UndecodableMessage, CancellationToken, Task>? onUndecodable = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        services.AddSingleton(connection);
        services.AddAzureClients(clients =>
        {
            clients.UseCredential(new DefaultAzureCredential());
            Register(clients, probe: false, onUndecodable);
            Register(clients, probe: true, onUndecodable);
        });
        return services;
    }

    private static void Register(AzureClientFactoryBuilder clients, bool probe, Func<IServiceProvider, UndecodableMessage, CancellationToken, Task>? onUndecodable)
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
            if (onUndecodable is not null)
            {
                options.MessageDecodingFailed += args => HandleUndecodableAsync(args, sp, onUndecodable);
            }

            return c.ConnectionString is { } cs ? new QueueServiceClient(cs, options) : new QueueServiceClient(c.QueueServiceUri, credential, options);
        });
        if (probe)
        {
            tables.WithName(ProbeClientName);
            blobs.WithName(ProbeClientName);
            queues.WithName(ProbeClientName);
        }
    }

    /// <summary>
    /// A received message that is not base64 fails the SDK's decoding before any handler sees it; left alone it would
    /// come back forever, so the host's handler (which parks it) sees it by the app's queue name, then it is deleted, as
    /// the Functions host does. Peeks cannot delete: the next receive of the message handles it.
    /// </summary>
    private static async Task HandleUndecodableAsync(QueueMessageDecodingFailedEventArgs args, IServiceProvider services, Func<IServiceProvider, UndecodableMessage, CancellationToken, Task> onUndecodable)
    {
        if (args.ReceivedMessage is not { } message || args.IsRunningSynchronously)
        {
            return;
        }

        var queue = services.GetRequiredService<AppQueues>().AppNameOf(args.Queue.Name);
        await onUndecodable(services, new UndecodableMessage(queue, message.MessageId, message.Body.ToString(), message.DequeueCount), args.CancellationToken);
        await args.Queue.DeleteIfExistsAsync(message.MessageId, message.PopReceipt, args.CancellationToken);
    }
}
