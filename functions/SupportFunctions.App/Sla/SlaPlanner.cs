using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Domain.Sla;

namespace SupportFunctions.App.Sla;

/// <summary>The "sla" timer of a case: due at the next warning or breach of any running clock; none for closed cases.</summary>
public static class SlaPlanner
{
    public const string TimerKind = "sla";

    public static DateTimeOffset? NextCheck(SupportPolicy policy, SupportCase c, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(c);
        return c.Status == CaseStatus.Closed || c.Sla.Clocks.Count == 0
            ? null
            : SlaClocks.NextCheckAt(c.Sla, new SlaCalendars(policy, c.TimeZone), policy.Sla.WarningPercent, at);
    }

    /// <summary>Timer schedule after a change that may have paused, resumed or met clocks.</summary>
    public static IReadOnlyDictionary<string, DateTimeOffset?> Timers(SupportPolicy policy, SupportCase c, DateTimeOffset at) =>
        new Dictionary<string, DateTimeOffset?> { [TimerKind] = NextCheck(policy, c, at) };
}
