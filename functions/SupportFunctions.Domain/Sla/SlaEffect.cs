namespace SupportFunctions.Domain.Sla;

/// <summary>A threshold a clock crossed: the warning percentage or the target itself.</summary>
public sealed record SlaEffect(SlaClockKind Clock, SlaEffectKind Kind, TimeSpan Target, TimeSpan Elapsed);
