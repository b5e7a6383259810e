namespace SupportFunctions.Storage.Queues;

/// <summary>The service's receipt for a message it accepted.</summary>
public sealed record SentMessage(string MessageId, string PopReceipt, DateTimeOffset InsertedOn, DateTimeOffset ExpiresOn, DateTimeOffset NextVisibleOn);
