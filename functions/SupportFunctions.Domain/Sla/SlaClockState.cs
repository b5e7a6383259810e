namespace SupportFunctions.Domain.Sla;

/// <summary>A clock is running or paused until it is met; a breached clock stays breached even if met later.</summary>
public enum SlaClockState
{
    Running,
    Paused,
    Met,
    Breached,
}
