namespace SupportFunctions.App.Retention;

/// <summary>A page read from a purge source: what to purge, the expired items a hold keeps (class per item), and where the next page starts.</summary>
public sealed record PurgePage(IReadOnlyList<PurgeTarget> Targets, IReadOnlyList<string> HeldClasses, string? Continuation);
