namespace SupportFunctions.Standalone.Schedules;

/// <summary><c>SupportFunctions:Timers</c>: how often the standalone service runs the reconcilers (under Functions, the ReconcileTimers trigger's schedule does).</summary>
public sealed class TimerOptions
{
    public const string Section = "SupportFunctions:Timers";

    /// <summary>0 turns the standalone schedule off (tests call the reconcilers directly).</summary>
    public int ReconcileIntervalSeconds { get; set; } = 30;
}
