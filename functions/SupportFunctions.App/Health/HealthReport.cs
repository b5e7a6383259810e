namespace SupportFunctions.App.Health;

/// <summary>Readiness: <c>healthy</c> only when every storage service answered.</summary>
public sealed record HealthReport(string Status, IReadOnlyList<StorageCheck> Checks);
