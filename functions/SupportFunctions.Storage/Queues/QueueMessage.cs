namespace SupportFunctions.Storage.Queues;

/// <summary>A received message. Delete it with <see cref="PopReceipt"/> once handled; <see cref="DequeueCount"/> counts deliveries.</summary>
public sealed record QueueMessage(
    string MessageId,
    string PopReceipt,
    string Text,
    long DequeueCount,
    DateTimeOffset InsertedOn,
    DateTimeOffset ExpiresOn,
    DateTimeOffset NextVisibleOn);
