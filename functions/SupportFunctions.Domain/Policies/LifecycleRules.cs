namespace SupportFunctions.Domain.Policies;

/// <summary>Waits and rules of the case lifecycle.</summary>
public sealed record LifecycleRules
{
    /// <summary>How long a case waits for a change the customer must make before it closes by itself.</summary>
    public TimeSpan CustomerChangeWait { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Reminder this long before the auto-close.</summary>
    public TimeSpan? ReminderBefore { get; init; } = TimeSpan.FromDays(2);

    /// <summary>Reopen window after closing; null: any time.</summary>
    public TimeSpan? ReopenWithin { get; init; }

    public RepeatedErrorRule? RepeatedErrors { get; init; }

    /// <summary>Deliveries of one queue message before it is parked as poison.</summary>
    public int MaxDequeueCount { get; init; } = 5;

    /// <summary>Where customers submit ideas when a case closes as an enhancement request.</summary>
    public string? IdeasUrl { get; init; }
}
