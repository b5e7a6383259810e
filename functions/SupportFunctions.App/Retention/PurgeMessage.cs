namespace SupportFunctions.App.Retention;

/// <summary>"Work on this run for a slice": what the purges queue carries.</summary>
public sealed record PurgeMessage(string RunId);
