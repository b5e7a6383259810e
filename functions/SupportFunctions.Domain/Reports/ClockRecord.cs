using SupportFunctions.Domain.Sla;

namespace SupportFunctions.Domain.Reports;

/// <summary>
/// One clock of a case in the report: its outcome (or <see cref="ClockRecordState.Running"/> while undecided) and, once
/// met, the business and elapsed time it took.
/// </summary>
public sealed record ClockRecord(SlaClockKind Clock, DateTimeOffset StartedAt, ClockRecordState State, TimeSpan? BusinessTimeToMeet, TimeSpan? ElapsedTimeToMeet);
