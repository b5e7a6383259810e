using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.Storage.Queues;

/// <summary>
/// A message whose text is not base64 (put by another tool) fails the SDK's decoding. Left alone it would come back
/// forever and, without a handler, fail every receive of its batch; so it is parked as poison with its raw text and
/// deleted, as the Functions host does with such a message.
/// </summary>
internal static class UndecodableMessages
{
    public const string Error = "FormatException: the message text is not base64, the encoding this app and the Functions queue trigger use.";

    public static void ParkWith(QueueClientOptions options, IServiceProvider services)
    {
        options.MessageDecodingFailed += async args =>
        {
            // A peek cannot delete; the next receive of the same message parks it.
            if (args.ReceivedMessage is not { } message || args.IsRunningSynchronously)
            {
                return;
            }

            var now = (services.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
            var poison = services.GetRequiredService<PoisonRepository>();
            await poison.ParkAsync(new PoisonMessage($"{args.Queue.Name}-{message.MessageId}", args.Queue.Name, message.Body.ToString(), message.DequeueCount, now, Error), args.CancellationToken).ConfigureAwait(false);
            await args.Queue.DeleteIfExistsAsync(message.MessageId, message.PopReceipt, args.CancellationToken).ConfigureAwait(false);
        };
    }
}
