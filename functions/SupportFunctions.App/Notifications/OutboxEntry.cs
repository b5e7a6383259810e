namespace SupportFunctions.App.Notifications;

/// <summary>One stored mail in the local outbox list: enough to find it; <c>GET /api/admin/outbox/{id}</c> has the rest.</summary>
public sealed record OutboxEntry(string Id, string CaseNumber, string Kind, IReadOnlyList<string> To, IReadOnlyList<string> Cc, string Subject, string Language, DateTimeOffset CreatedAt);
