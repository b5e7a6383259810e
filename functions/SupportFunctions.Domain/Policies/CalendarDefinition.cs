namespace SupportFunctions.Domain.Policies;

/// <summary>
/// Business hours: weekly intervals per weekday (local times), holidays, in a time zone — an IANA id, or "customer"
/// for the customer's own zone — or always open (24×7).
/// </summary>
public sealed record CalendarDefinition
{
    public const string CustomerTimeZone = "customer";

    public required string Id { get; init; }

    public bool AlwaysOpen { get; init; }

    public string TimeZone { get; init; } = CustomerTimeZone;

    /// <summary>Weekday name (monday…sunday) → intervals like "08:00-17:00".</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Weekly { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public IReadOnlyList<HolidayDefinition> Holidays { get; init; } = [];
}
