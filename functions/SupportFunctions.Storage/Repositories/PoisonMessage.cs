namespace SupportFunctions.Storage.Repositories;

/// <summary>A queue message that failed every allowed delivery, kept with its last error until someone replays it.</summary>
public sealed record PoisonMessage(string Id, string Queue, string Text, long DequeueCount, DateTimeOffset FailedAt, string Error);
