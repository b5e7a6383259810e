namespace SupportFunctions.Domain.Retention;

/// <summary>What retention knows about one stored item: its data class, when it expires (null: kept), and whose it is.</summary>
public sealed record RetainedItem(string DataClass, DateTimeOffset? ExpiresAt, string? CaseNumber, string? AccountId);
