using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.Domain.Sla;

/// <summary>When a case's SLA next needs a look: the next warning or breach of any running clock; never for closed cases.</summary>
public static class SlaPlanner
{
    public static DateTimeOffset? NextCheck(SupportPolicy policy, SupportCase c, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(c);
        return c.Status == CaseStatus.Closed || c.Sla.Clocks.Count == 0
            ? null
            : SlaClocks.NextCheckAt(c.Sla, new SlaCalendars(policy, c.TimeZone), policy.Sla.WarningPercent, at);
    }
}
