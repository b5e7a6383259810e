namespace SupportFunctions.Domain.Policies;

/// <summary>A severity level with its definition, and the channels through which it may be opened.</summary>
public sealed record SeverityLevel
{
    public required int Level { get; init; }

    public required string Name { get; init; }

    public string? Definition { get; init; }

    /// <summary>Channels that may open a case at this level; empty: any channel.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    /// <summary>What to do when it is asked for through another channel.</summary>
    public ChannelRestriction? OtherChannels { get; init; }
}
