namespace SupportFunctions.Domain.Sla;

public enum SlaClockKind
{
    FirstResponse,
    NextReply,
    Restoration,
}
