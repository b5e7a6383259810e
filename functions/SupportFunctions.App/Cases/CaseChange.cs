using SupportFunctions.Domain.Cases;

namespace SupportFunctions.App.Cases;

/// <summary>
/// One change to a case as committed: the built state, events and intents, new attachments, and timers — kind → due
/// instant to (re)schedule, or null to cancel — plus the kind of the timer whose firing this change handles.
/// </summary>
public sealed record CaseChange(CaseChangeBuilder Built)
{
    public IReadOnlyList<CaseAttachment> Attachments { get; init; } = [];

    public IReadOnlyDictionary<string, DateTimeOffset?> Timers { get; init; } = new Dictionary<string, DateTimeOffset?>();

    public string? FiredTimer { get; init; }
}
