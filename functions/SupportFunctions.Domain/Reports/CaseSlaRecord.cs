using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Domain.Sla;

namespace SupportFunctions.Domain.Reports;

/// <summary>
/// A case as the SLA report reads it: what it is grouped by, when it was opened and solved, and every clock it has had
/// with its outcome. No personal data: a report row outlives the requester's name and address.
/// </summary>
public sealed record CaseSlaRecord
{
    public required string Number { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? SolvedAt { get; init; }

    public required int Severity { get; init; }

    public required string Team { get; init; }

    public required string Category { get; init; }

    public string? AccountId { get; init; }

    public IReadOnlyList<ClockRecord> Clocks { get; init; } = [];

    /// <summary>
    /// The record from the case and its stored outcomes: a clock with an outcome takes it (so earlier next-reply clocks,
    /// gone from the case's state, still count); one without is running, or decided by its own state.
    /// </summary>
    public static CaseSlaRecord From(SupportCase c, IReadOnlyList<SlaOutcome> outcomes, SupportPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(outcomes);
        var calendars = new SlaCalendars(policy, c.TimeZone);
        var byKey = outcomes.ToDictionary(o => o.Key, StringComparer.Ordinal);
        foreach (var clock in c.Sla.Clocks)
        {
            var key = SlaOutcomes.KeyOf(clock.Kind, clock.StartedAt);
            if (!byKey.ContainsKey(key) && SlaOutcomes.Of(c.Sla, clock, calendars) is { } decided)
            {
                byKey[key] = decided;
            }
        }

        var clocks = byKey.Values.Select(o => new ClockRecord(o.Clock, o.StartedAt, o.Outcome switch
            {
                SlaOutcomeKind.Achieved => ClockRecordState.Achieved,
                SlaOutcomeKind.Breached => ClockRecordState.Breached,
                _ => ClockRecordState.Cancelled,
            }, o.BusinessTimeToMeet, o.ElapsedTimeToMeet))
            .Concat(c.Sla.Clocks.Where(k => !byKey.ContainsKey(SlaOutcomes.KeyOf(k.Kind, k.StartedAt)))
                .Select(k => new ClockRecord(k.Kind, k.StartedAt, ClockRecordState.Running, null, null)))
            .OrderBy(k => k.StartedAt).ThenBy(k => k.Clock)
            .ToList();
        return new CaseSlaRecord
        {
            Number = c.Number,
            CreatedAt = c.CreatedAt,
            SolvedAt = c.SolvedAt,
            Severity = c.Severity,
            Team = c.Team,
            Category = c.Category,
            AccountId = c.AccountId,
            Clocks = clocks,
        };
    }
}
