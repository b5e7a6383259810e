namespace SupportFunctions.App.Health;

/// <summary>The outcome of probing one storage service.</summary>
public sealed record StorageCheck(string Service, bool Healthy, string? Error, double ElapsedMilliseconds);
