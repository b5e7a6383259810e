namespace SupportFunctions.App.Retention;

/// <summary>A page a run is about to purge, saved before it starts so a resumed run finishes exactly this page.</summary>
public sealed record PurgePlan(int Phase, IReadOnlyList<PurgeTarget> Targets, IReadOnlyList<string> HeldClasses);
