namespace SupportFunctions.Domain.Cases;

/// <summary>One entry of a case's audit trail: who did what and when, with what changed.</summary>
public sealed record CaseEvent
{
    public required string CaseNumber { get; init; }

    /// <summary>The case version this event produced; orders the trail.</summary>
    public required int Sequence { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>"contact:{id}", "agent:{id}", "admin:{id}", "anonymous:{email}", "system".</summary>
    public required string Actor { get; init; }

    public required string Type { get; init; }

    public EventVisibility Visibility { get; init; } = EventVisibility.Public;

    /// <summary>What changed (field → new value), or details of the event.</summary>
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>();
}
