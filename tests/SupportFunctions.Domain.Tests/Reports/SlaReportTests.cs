using SupportFunctions.Domain.Reports;
using SupportFunctions.Domain.Sla;

namespace SupportFunctions.Domain.Tests.Reports;

public class SlaReportTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private static CaseSlaRecord Case(string number, int severity, TimeSpan? solvedAfter, params ClockRecord[] clocks) => new()
    {
        Number = number, CreatedAt = Day, SolvedAt = Day + solvedAfter, Severity = severity, Team = "support", Category = "incident", AccountId = "acme", Clocks = clocks,
    };

    private static ClockRecord Met(int minutes, bool breached = false) =>
        new(SlaClockKind.FirstResponse, Day, breached ? ClockRecordState.Breached : ClockRecordState.Achieved, TimeSpan.FromMinutes(minutes), TimeSpan.FromMinutes(minutes * 2));

    [Fact]
    public void Percentiles_are_nearest_rank()
    {
        var values = Enumerable.Range(1, 10).Select(i => (long)i).ToList();
        Assert.Equal(5, DurationPercentiles.Rank(values, 50));
        Assert.Equal(9, DurationPercentiles.Rank(values, 90));
        Assert.Equal(10, DurationPercentiles.Rank(values, 99));
        Assert.Equal(7, DurationPercentiles.Rank([7], 50));
        Assert.Null(DurationPercentiles.Rank([], 50));
    }

    [Fact]
    public void A_group_counts_outcomes_and_ranks_every_met_clock_late_ones_included()
    {
        var records = new[]
        {
            Case("A", 1, TimeSpan.FromHours(1), Met(10)),
            Case("B", 1, TimeSpan.FromHours(3), Met(20)),
            Case("C", 1, null, Met(90, breached: true)),
            Case("D", 1, null, new ClockRecord(SlaClockKind.FirstResponse, Day, ClockRecordState.Breached, null, null)),
            Case("E", 1, null, new ClockRecord(SlaClockKind.FirstResponse, Day, ClockRecordState.Running, null, null)),
            Case("F", 2, TimeSpan.FromHours(5), new ClockRecord(SlaClockKind.FirstResponse, Day, ClockRecordState.Cancelled, null, null)),
        };

        var rows = SlaReport.Compute(records, SlaReportGrouping.Severity);

        Assert.Equal(["1", "2"], rows.Select(r => r.Group));
        var sev1 = rows[0];
        Assert.Equal((5, 2), (sev1.Cases, sev1.Solved));
        var first = sev1.Clocks.Single(c => c.Clock == "firstResponse");
        Assert.Equal((2, 2, 1, 0), (first.Achieved, first.Breached, first.Running, first.Cancelled));
        Assert.Equal(50.0, first.AchievementPercent);
        Assert.Equal(new DurationPercentiles(20 * 60, 90 * 60, 90 * 60), first.BusinessTimeToMeet);
        Assert.Equal(new DurationPercentiles(40 * 60, 180 * 60, 180 * 60), first.ElapsedTimeToMeet);
        Assert.Equal((3600L, 3 * 3600L), (sev1.TimeToSolveP50Seconds!.Value, sev1.TimeToSolveP90Seconds!.Value));
        Assert.Null(sev1.Clocks.Single(c => c.Clock == "restoration").AchievementPercent);
        Assert.Equal(1, rows[1].Clocks.Single(c => c.Clock == "firstResponse").Cancelled);

        // 10 and 20 minutes fall in "≤ 15 min" and "≤ 30 min", 90 in "≤ 2 h"; the total row holds every case.
        Assert.Equal([0, 1, 1, 0, 1, 0, 0, 0, 0, 0], first.BusinessHistogram.Select(b => b.Count));
        Assert.Equal([300L, 900, 1800, 3600, 7200, 14400, 28800, 86400, 259200, null], first.BusinessHistogram.Select(b => b.UpToSeconds));
        var total = SlaReport.Total(records);
        Assert.Equal((6, 3), (total.Cases, total.Solved));
    }
}
