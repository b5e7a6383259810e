namespace SupportFunctions.Storage.Queues;

/// <summary>A visible message looked at without receiving it: it stays visible, and there is no pop receipt to delete it with.</summary>
public sealed record PeekedMessage(string MessageId, string Text, long DequeueCount, DateTimeOffset InsertedOn, DateTimeOffset ExpiresOn);
