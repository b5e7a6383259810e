namespace SupportFunctions.Domain.AgentQueues;

/// <summary>The queue's orders: next SLA due first (cases without a running clock after, oldest first), last updated first, oldest first.</summary>
public enum AgentQueueSort
{
    Sla,
    Updated,
    Created,
}
