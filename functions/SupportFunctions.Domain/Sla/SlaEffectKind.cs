namespace SupportFunctions.Domain.Sla;

public enum SlaEffectKind
{
    Warning,
    Breach,
}
