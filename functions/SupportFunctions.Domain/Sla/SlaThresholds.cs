using System.Globalization;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.Domain.Sla;

/// <summary>
/// What crossing an SLA threshold does to a case: a warning is an internal event and a notice to the case's team; a
/// breach also tells the lead team and escalates the case (once).
/// </summary>
public static class SlaThresholds
{
    /// <summary>Records the warnings and breaches due at the change's instant and returns what they were.</summary>
    public static IReadOnlyList<SlaEffect> Apply(CaseChangeBuilder change, SupportPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(policy);
        var c = change.Case;
        var (sla, effects) = SlaClocks.Evaluate(c.Sla, new SlaCalendars(policy, c.TimeZone), policy.Sla.WarningPercent, change.At);
        change.Update(x => x with { Sla = sla });
        var lead = CaseLifecycle.LeadTeamOf(policy, c);
        foreach (var effect in effects)
        {
            var data = new Dictionary<string, string>
            {
                ["clock"] = PolicyJson.EnumValue(effect.Clock),
                ["target"] = System.Xml.XmlConvert.ToString(effect.Target),
                ["elapsed"] = System.Xml.XmlConvert.ToString(effect.Elapsed),
                ["percent"] = ((int)(100 * effect.Elapsed / effect.Target)).ToString(CultureInfo.InvariantCulture),
            };
            if (effect.Kind == SlaEffectKind.Warning)
            {
                change.Record("sla-warning", data, EventVisibility.Internal).Notify(NotificationKinds.SlaWarning, [$"team:{c.Team}"], data);
                continue;
            }

            change.Record("sla-breached", data, EventVisibility.Internal).Notify(NotificationKinds.SlaBreach, [$"team:{c.Team}", $"team:{lead}"], data);
            if (change.Case.EscalatedAt is null)
            {
                var escalation = new Dictionary<string, string> { ["reason"] = "sla-breach", ["clock"] = data["clock"], ["team"] = lead };
                change.Update(x => x with { EscalatedAt = change.At })
                    .Record("escalated", escalation, EventVisibility.Internal)
                    .Notify(NotificationKinds.EscalationReceived, [$"team:{lead}"], escalation);
            }
        }

        return effects;
    }
}
