namespace SupportFunctions.App.Retention;

/// <summary>The end of a purge run: its final progress and the orchestration's time of finishing.</summary>
public sealed record PurgeFinish(PurgeProgress Progress, DateTimeOffset FinishedAt);
