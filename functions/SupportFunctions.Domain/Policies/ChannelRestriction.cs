namespace SupportFunctions.Domain.Policies;

/// <summary>A severity asked for through a channel it is not offered on: refused, or accepted at a lower level; either way with a notice.</summary>
public sealed record ChannelRestriction
{
    public ChannelRestrictionOutcome Outcome { get; init; } = ChannelRestrictionOutcome.Refuse;

    /// <summary>The level given instead when the outcome is <see cref="ChannelRestrictionOutcome.Downgrade"/>.</summary>
    public int? DowngradeTo { get; init; }

    public required LocalizedText Notice { get; init; }
}
