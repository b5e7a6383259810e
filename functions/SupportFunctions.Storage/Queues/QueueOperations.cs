using System.Text;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace SupportFunctions.Storage.Queues;

/// <summary>
/// The queue operations our services share, on the SDK's <see cref="QueueClient"/> (built with base64 message
/// encoding, see <see cref="StorageClientSettings.Queues"/>): sends that never expire and are refused before sending when
/// too large, deletes of a message already gone as success, and visibility updates.
/// </summary>
public static class QueueOperations
{
    /// <summary>The service's limit for one message as sent (after base64).</summary>
    public const int MaxEncodedMessageBytes = 64 * 1024;

    /// <summary>The longest a message may stay invisible: seven days.</summary>
    public static readonly TimeSpan MaxVisibilityDelay = TimeSpan.FromDays(7);

    /// <summary>A time to live of -1 second: the message never expires, so a long wait is not lost to the 7-day default.</summary>
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    /// <summary>The largest text (UTF-8 bytes) that still fits after base64 encoding.</summary>
    public static int MaxTextBytes => MaxEncodedMessageBytes / 4 * 3;

    /// <summary>
    /// Sends a message that becomes visible after <paramref name="visibilityDelay"/> (0 to 7 days) and never expires.
    /// A message over 64 KiB once encoded is refused here: callers store large payloads in a blob and enqueue its name.
    /// </summary>
    public static async Task<SendReceipt> SendAsync(this QueueClient queue, string text, TimeSpan? visibilityDelay = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(text);
        var delay = visibilityDelay ?? TimeSpan.Zero;
        if (delay < TimeSpan.Zero || delay > MaxVisibilityDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(visibilityDelay), delay, "A queue message's visibility delay is 0 seconds to 7 days; hop longer waits.");
        }

        var encodedLength = (Encoding.UTF8.GetByteCount(text) + 2) / 3 * 4;
        if (encodedLength > MaxEncodedMessageBytes)
        {
            throw new ArgumentException($"The message is {encodedLength} bytes once base64-encoded; a queue message holds at most {MaxEncodedMessageBytes}. Store the payload in a blob and enqueue its name.", nameof(text));
        }

        var response = await queue.SendMessageAsync(text, delay, NeverExpires, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    /// <summary>Deletes a handled message; one already gone (deleted, or its receipt rotated by a redelivery) is success.</summary>
    public static async Task DeleteIfExistsAsync(this QueueClient queue, string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queue);
        try
        {
            await queue.DeleteMessageAsync(messageId, popReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Already gone: what the caller wanted.
        }
    }

    /// <summary>Hides a received message for longer (or makes it visible now with zero); returns the new pop receipt.</summary>
    public static async Task<string> UpdateVisibilityAsync(this QueueClient queue, string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queue);
        if (visibilityTimeout < TimeSpan.Zero || visibilityTimeout > MaxVisibilityDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(visibilityTimeout), visibilityTimeout, "The visibility timeout is 0 seconds to 7 days.");
        }

        var response = await queue.UpdateMessageAsync(messageId, popReceipt, (BinaryData?)null, visibilityTimeout, cancellationToken).ConfigureAwait(false);
        return response.Value.PopReceipt;
    }

    /// <summary>How many messages the queue holds (the service's estimate).</summary>
    public static async Task<int> GetApproximateCountAsync(this QueueClient queue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(queue);
        var response = await queue.GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
        return response.Value.ApproximateMessagesCount;
    }
}
