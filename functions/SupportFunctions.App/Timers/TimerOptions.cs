namespace SupportFunctions.App.Timers;

/// <summary><c>SupportFunctions:Timers</c>: how often the reconciler looks for timers whose message was lost.</summary>
public sealed class TimerOptions
{
    public const string Section = "SupportFunctions:Timers";

    /// <summary>0 turns the standalone schedule off (tests call the reconciler directly).</summary>
    public int ReconcileIntervalSeconds { get; set; } = 60;

    /// <summary>How overdue an armed timer must be before it is considered lost.</summary>
    public int ReconcileGraceSeconds { get; set; } = 120;
}
