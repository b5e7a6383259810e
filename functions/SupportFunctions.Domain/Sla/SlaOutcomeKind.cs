namespace SupportFunctions.Domain.Sla;

public enum SlaOutcomeKind
{
    Achieved,
    Breached,
    Cancelled,
}
