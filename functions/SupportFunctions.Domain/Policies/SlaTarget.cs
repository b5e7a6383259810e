namespace SupportFunctions.Domain.Policies;

/// <summary>Targets for one severity, measured in the named calendar's business time.</summary>
public sealed record SlaTarget
{
    public required int Severity { get; init; }

    public required string Calendar { get; init; }

    public TimeSpan? FirstResponse { get; init; }

    public TimeSpan? NextReply { get; init; }

    public TimeSpan? Restoration { get; init; }

    /// <summary>Calendar of the restoration clock when it differs (restoration "72 hours" runs around the clock).</summary>
    public string? RestorationCalendar { get; init; }
}
