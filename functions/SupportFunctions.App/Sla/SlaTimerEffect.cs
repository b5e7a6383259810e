using System.Globalization;
using SupportFunctions.App.Cases;
using SupportFunctions.App.Timers;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Domain.Sla;

namespace SupportFunctions.App.Sla;

/// <summary>
/// The "sla" timer fired: record warnings and breaches that are due (audit event, notification intent to the team, and
/// on breach to the lead team with an escalation), then arm the timer for the next threshold.
/// </summary>
public sealed class SlaTimerEffect(CaseChanges changes, SupportPolicy policy, TimeProvider time, ILogger<SlaTimerEffect> logger) : ITimerEffect
{
    public string Kind => SlaPlanner.TimerKind;

    public Task FireAsync(TimerMessage timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return changes.FireAsync(timer, stored => Decide(stored.Case), cancellationToken);
    }

    private CaseChange Decide(SupportCase c)
    {
        var now = time.GetUtcNow();
        var calendars = new SlaCalendars(policy, c.TimeZone);
        var (sla, effects) = SlaClocks.Evaluate(c.Sla, calendars, policy.Sla.WarningPercent, now);
        var change = new CaseChangeBuilder(c, now, "system").Update(x => x with { Sla = sla });
        var team = policy.FindTeam(c.Team);
        var lead = team?.EscalatesTo ?? policy.Teams.FirstOrDefault(t => t.Kind == TeamKind.Lead)?.Id ?? c.Team;
        foreach (var effect in effects)
        {
            Logs.SlaThreshold(logger, effect.Kind.ToString(), c.Number, effect.Clock.ToString(), effect.Elapsed, effect.Target);
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
                change.Update(x => x with { EscalatedAt = now })
                    .Record("escalated", escalation, EventVisibility.Internal)
                    .Notify(NotificationKinds.EscalationReceived, [$"team:{lead}"], escalation);
            }
        }

        return new CaseChange(change) { Timers = SlaPlanner.Timers(policy, change.Case, now), FiredTimer = Kind };
    }
}
