namespace SupportFunctions.App.Retention;

/// <summary>
/// One item a page of a purge touches: its keys (table partition and row, blob name, or case number), its data class,
/// and the id written to the run's proof — the keys with anything personal (a file name) replaced by a digest.
/// </summary>
public sealed record PurgeTarget(string Key, string? Row, string DataClass, string ProofId);
