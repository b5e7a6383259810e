using SupportFunctions.Domain.Calendars;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.Domain.Sla;

/// <summary>The policy's calendars for one customer: "customer" zones resolved to the customer's own.</summary>
public sealed class SlaCalendars
{
    private readonly Dictionary<string, BusinessCalendar> _calendars;

    public SlaCalendars(SupportPolicy policy, string customerTimeZone)
    {
        ArgumentNullException.ThrowIfNull(policy);
        CustomerTimeZone = TimeZoneInfo.FindSystemTimeZoneById(customerTimeZone);
        _calendars = policy.Calendars.ToDictionary(c => c.Id, c => BusinessCalendar.For(c, customerTimeZone), StringComparer.Ordinal);
    }

    public TimeZoneInfo CustomerTimeZone { get; }

    public BusinessCalendar this[string id] =>
        _calendars.TryGetValue(id, out var calendar) ? calendar : throw new KeyNotFoundException($"The policy has no calendar '{id}'.");
}
