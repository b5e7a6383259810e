namespace SupportFunctions.App.Retention;

/// <summary>A planned page: how many items it purges, per data class; the expired items holds keep, per data class; where the next page starts (null: the source is done).</summary>
public sealed record PurgePageResult(int Targets, IReadOnlyDictionary<string, long> Purged, IReadOnlyDictionary<string, long> Held, string? Next);
