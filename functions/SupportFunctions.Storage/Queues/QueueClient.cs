using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Azure;
using Azure.Core;

namespace SupportFunctions.Storage.Queues;

/// <summary>
/// One queue. Message text is sent base64-encoded, the form the Azure Functions queue trigger expects by default,
/// and decoded on receipt. A message whose encoded form exceeds 64 KiB is refused before sending: callers
/// put large payloads in Blob storage and enqueue a reference (our rule, documented in the README).
/// </summary>
public sealed partial class QueueClient
{
    /// <summary>The service's limit for one message as sent (after base64).</summary>
    public const int MaxEncodedMessageBytes = 64 * 1024;

    /// <summary>The longest a message may stay invisible: seven days.</summary>
    public static readonly TimeSpan MaxVisibilityDelay = TimeSpan.FromDays(7);

    private readonly StoragePipeline _pipeline;

    internal QueueClient(StoragePipeline pipeline, string name)
    {
        if (!QueueNamePattern().IsMatch(name) || name.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Queue name '{name}' must be 3–63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.", nameof(name));
        }

        _pipeline = pipeline;
        Name = name;
    }

    public string Name { get; }

    /// <summary>The largest text (UTF-8 bytes) that still fits after base64 encoding.</summary>
    public static int MaxTextBytes => MaxEncodedMessageBytes / 4 * 3;

    public async Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Put, Name);
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status is not (201 or 204 or 409))
        {
            throw _pipeline.Failure(response, $"Create queue '{Name}'");
        }
    }

    public async Task DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, Name);
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status is not (204 or 404))
        {
            throw _pipeline.Failure(response, $"Delete queue '{Name}'");
        }
    }

    /// <summary>
    /// Sends a message that becomes visible after <paramref name="visibilityDelay"/> (0 to 7 days) and expires after
    /// <paramref name="timeToLive"/> (default: never, so a long wait is not lost to the 7-day default).
    /// </summary>
    public async Task<SentMessage> SendAsync(string text, TimeSpan? visibilityDelay = null, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var delay = visibilityDelay ?? TimeSpan.Zero;
        if (delay < TimeSpan.Zero || delay > MaxVisibilityDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(visibilityDelay), delay, "A queue message's visibility delay is 0 seconds to 7 days; hop longer waits.");
        }

        if (timeToLive is { } ttl && (ttl <= TimeSpan.Zero || ttl <= delay))
        {
            throw new ArgumentOutOfRangeException(nameof(timeToLive), ttl, "The time to live must be positive and longer than the visibility delay.");
        }

        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        if (encoded.Length > MaxEncodedMessageBytes)
        {
            throw new ArgumentException($"The message is {encoded.Length} bytes once base64-encoded; a queue message holds at most {MaxEncodedMessageBytes}. Store the payload in a blob and enqueue its name.", nameof(text));
        }

        using var message = _pipeline.CreateMessage(
            RequestMethod.Post,
            Name + "/messages",
            ("visibilitytimeout", ((long)delay.TotalSeconds).ToString(CultureInfo.InvariantCulture)),
            ("messagettl", timeToLive is null ? "-1" : ((long)timeToLive.Value.TotalSeconds).ToString(CultureInfo.InvariantCulture)));
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(Encoding.UTF8.GetBytes(new XElement("QueueMessage", new XElement("MessageText", encoded)).ToString(SaveOptions.DisableFormatting)));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status != 201)
        {
            throw _pipeline.Failure(response, $"Send to queue '{Name}'");
        }

        var item = XDocument.Parse(response.Content.ToString()).Root!.Element("QueueMessage")!;
        return new SentMessage(item.Element("MessageId")!.Value, item.Element("PopReceipt")!.Value, Date(item, "InsertionTime"), Date(item, "ExpirationTime"), Date(item, "TimeNextVisible"));
    }

    /// <summary>Receives up to <paramref name="maxMessages"/> (1–32), hiding each for <paramref name="visibilityTimeout"/> while it is handled.</summary>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages = 1, TimeSpan? visibilityTimeout = null, CancellationToken cancellationToken = default)
    {
        if (maxMessages is < 1 or > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(maxMessages), maxMessages, "Receive takes 1 to 32 messages at a time.");
        }

        var timeout = visibilityTimeout ?? TimeSpan.FromSeconds(30);
        if (timeout < TimeSpan.FromSeconds(1) || timeout > MaxVisibilityDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(visibilityTimeout), timeout, "The visibility timeout on receive is 1 second to 7 days.");
        }

        using var message = _pipeline.CreateMessage(
            RequestMethod.Get,
            Name + "/messages",
            ("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture)),
            ("visibilitytimeout", ((long)timeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status != 200)
        {
            throw _pipeline.Failure(response, $"Receive from queue '{Name}'");
        }

        return XDocument.Parse(response.Content.ToString()).Root!
            .Elements("QueueMessage")
            .Select(item => new QueueMessage(
                item.Element("MessageId")!.Value,
                item.Element("PopReceipt")!.Value,
                Decode(item.Element("MessageText")?.Value ?? string.Empty),
                long.Parse(item.Element("DequeueCount")!.Value, CultureInfo.InvariantCulture),
                Date(item, "InsertionTime"),
                Date(item, "ExpirationTime"),
                Date(item, "TimeNextVisible")))
            .ToList();
    }

    /// <summary>Up to <paramref name="maxMessages"/> (1–32) visible messages from the front of the queue, left visible and undelivered.</summary>
    public async Task<IReadOnlyList<PeekedMessage>> PeekAsync(int maxMessages = 1, CancellationToken cancellationToken = default)
    {
        if (maxMessages is < 1 or > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(maxMessages), maxMessages, "Peek takes 1 to 32 messages at a time.");
        }

        using var message = _pipeline.CreateMessage(
            RequestMethod.Get,
            Name + "/messages",
            ("peekonly", "true"),
            ("numofmessages", maxMessages.ToString(CultureInfo.InvariantCulture)));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status != 200)
        {
            throw _pipeline.Failure(response, $"Peek at queue '{Name}'");
        }

        return XDocument.Parse(response.Content.ToString()).Root!
            .Elements("QueueMessage")
            .Select(item => new PeekedMessage(
                item.Element("MessageId")!.Value,
                Decode(item.Element("MessageText")?.Value ?? string.Empty),
                long.Parse(item.Element("DequeueCount")!.Value, CultureInfo.InvariantCulture),
                Date(item, "InsertionTime"),
                Date(item, "ExpirationTime")))
            .ToList();
    }

    /// <summary>Deletes a handled message; one already gone (deleted, or expired) is success.</summary>
    public async Task DeleteMessageAsync(string messageId, string popReceipt, CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, $"{Name}/messages/{Uri.EscapeDataString(messageId)}", ("popreceipt", popReceipt));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status is not (204 or 404))
        {
            throw _pipeline.Failure(response, $"Delete message '{messageId}' from '{Name}'");
        }
    }

    /// <summary>Hides a received message for longer (or makes it visible now with zero); returns the new pop receipt.</summary>
    public async Task<string> UpdateVisibilityAsync(string messageId, string popReceipt, TimeSpan visibilityTimeout, CancellationToken cancellationToken = default)
    {
        if (visibilityTimeout < TimeSpan.Zero || visibilityTimeout > MaxVisibilityDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(visibilityTimeout), visibilityTimeout, "The visibility timeout is 0 seconds to 7 days.");
        }

        using var message = _pipeline.CreateMessage(
            RequestMethod.Put,
            $"{Name}/messages/{Uri.EscapeDataString(messageId)}",
            ("popreceipt", popReceipt),
            ("visibilitytimeout", ((long)visibilityTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status != 204)
        {
            throw _pipeline.Failure(response, $"Update message '{messageId}' in '{Name}'");
        }

        return response.Headers.TryGetValue("x-ms-popreceipt", out var receipt) ? receipt : popReceipt;
    }

    /// <summary>Deletes every message, visible or not (Clear Messages).</summary>
    public async Task ClearAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Delete, Name + "/messages");
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status != 204)
        {
            throw _pipeline.Failure(response, $"Clear queue '{Name}'");
        }
    }

    /// <summary>How many messages the queue holds (the service's estimate).</summary>
    public async Task<int> GetApproximateCountAsync(CancellationToken cancellationToken = default)
    {
        using var message = _pipeline.CreateMessage(RequestMethod.Get, Name, ("comp", "metadata"));
        var response = await _pipeline.SendAsync(message, cancellationToken);
        if (response.Status != 200)
        {
            throw _pipeline.Failure(response, $"Get metadata of queue '{Name}'");
        }

        return response.Headers.TryGetValue("x-ms-approximate-messages-count", out var count) ? int.Parse(count, CultureInfo.InvariantCulture) : 0;
    }

    private static string Decode(string text)
    {
        // Messages put by other tools may be plain text; base64 is our default, not a requirement of the service.
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : text;
    }

    private static DateTimeOffset Date(XElement item, string name) =>
        DateTimeOffset.Parse(item.Element(name)!.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex QueueNamePattern();
}
