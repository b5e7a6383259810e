namespace SupportFunctions.Domain.AgentQueues;

/// <summary>Where a case stands against its SLA at an instant, most urgent first.</summary>
public enum QueueSlaState
{
    Breached,
    Warning,
    Running,
    Paused,
    None,
}
