namespace SupportFunctions.Storage.Repositories;

/// <summary>Armed: waiting to fire. Fired: its effect was applied. Cancelled: nothing is to happen.</summary>
public enum TimerState
{
    Armed,
    Fired,
    Cancelled,
}
