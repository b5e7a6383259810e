namespace SupportFunctions.Domain.AgentQueues;

/// <summary>Who reads the queue: an agent (with their teams) or an administrator; a lead belongs to a lead team.</summary>
public sealed record AgentQueueViewer(string Id, IReadOnlyList<string> Teams, bool IsAdmin);
