namespace SupportFunctions.App.Timers;

/// <summary><c>SupportFunctions:Timers</c>: how often the reconcilers (the outbox's) look for work whose queue message was lost.</summary>
public sealed class TimerOptions
{
    public const string Section = "SupportFunctions:Timers";

    /// <summary>0 turns the standalone schedule off (tests call the reconcilers directly).</summary>
    public int ReconcileIntervalSeconds { get; set; } = 30;
}
