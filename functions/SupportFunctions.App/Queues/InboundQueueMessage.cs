namespace SupportFunctions.App.Queues;

/// <summary>A queue message as a handler sees it, whether the standalone poller received it or the Functions host delivered it.</summary>
public sealed record InboundQueueMessage(string Id, string Text, long DequeueCount);
