namespace SupportFunctions.Domain.Sla;

/// <summary>A case's SLA clocks and pause ledger.</summary>
public sealed record SlaState
{
    public IReadOnlyList<SlaClock> Clocks { get; init; } = [];

    public IReadOnlyList<SlaPause> Pauses { get; init; } = [];

    public bool IsPaused => Pauses.Count > 0 && Pauses[^1].To is null;

    public SlaClock? Find(SlaClockKind kind) => Clocks.FirstOrDefault(c => c.Kind == kind);

    public SlaState With(SlaClock clock) => this with { Clocks = Clocks.Where(c => c.Kind != clock.Kind).Append(clock).OrderBy(c => c.Kind).ToList() };
}
