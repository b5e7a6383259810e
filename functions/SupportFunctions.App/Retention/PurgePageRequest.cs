namespace SupportFunctions.App.Retention;

/// <summary>One page of a purge run: which source (phase), where in it, its number in the run, and the instant the run judges expiry by.</summary>
public sealed record PurgePageRequest(string RunId, bool DryRun, DateTimeOffset AsOf, int Phase, string? Continuation, int Page);
