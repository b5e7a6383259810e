using System.Globalization;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Domain.Sla;

namespace SupportFunctions.Domain.Reports;

/// <summary>
/// How the desk meets its SLAs, per group of cases: per clock kind how many were achieved, breached, still running or
/// cancelled, the achievement percentage (achieved of achieved plus breached), and the time to meet as p50/p90/p99 in
/// business and elapsed time (every met clock, late ones included); the time to solve as p50/p90.
/// </summary>
public static class SlaReport
{
    /// <summary>Upper bounds of the time-to-meet histogram's buckets (5 min … 3 days); a last bucket holds what is longer.</summary>
    public static readonly IReadOnlyList<TimeSpan> HistogramBounds =
        [TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(8), TimeSpan.FromDays(1), TimeSpan.FromDays(3)];

    /// <summary>Every case of the report as one group, <paramref name="label"/>.</summary>
    public static SlaReportRow Total(IEnumerable<CaseSlaRecord> records, string label = "all")
    {
        ArgumentNullException.ThrowIfNull(records);
        return Row(label, records.ToList());
    }

    public static IReadOnlyList<SlaReportRow> Compute(IEnumerable<CaseSlaRecord> records, SlaReportGrouping grouping)
    {
        ArgumentNullException.ThrowIfNull(records);
        return records
            .GroupBy(r => GroupOf(r, grouping), StringComparer.Ordinal)
            .OrderBy(g => g.Key, grouping == SlaReportGrouping.Severity ? Comparer<string>.Create((a, b) => int.Parse(a, CultureInfo.InvariantCulture).CompareTo(int.Parse(b, CultureInfo.InvariantCulture))) : StringComparer.Ordinal)
            .Select(g => Row(g.Key, g.ToList()))
            .ToList();
    }

    public static string GroupOf(CaseSlaRecord record, SlaReportGrouping grouping)
    {
        ArgumentNullException.ThrowIfNull(record);
        return grouping switch
        {
            SlaReportGrouping.Severity => record.Severity.ToString(CultureInfo.InvariantCulture),
            SlaReportGrouping.Team => record.Team,
            SlaReportGrouping.Category => record.Category,
            SlaReportGrouping.Account => record.AccountId ?? "(none)",
            _ => record.CreatedAt.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        };
    }

    private static List<HistogramBucket> Histogram(IEnumerable<TimeSpan> durations)
    {
        var counts = new int[HistogramBounds.Count + 1];
        foreach (var duration in durations)
        {
            var bucket = 0;
            while (bucket < HistogramBounds.Count && duration > HistogramBounds[bucket])
            {
                bucket++;
            }

            counts[bucket]++;
        }

        return counts.Select((count, i) => new HistogramBucket(i < HistogramBounds.Count ? (long)HistogramBounds[i].TotalSeconds : null, count)).ToList();
    }

    private static SlaReportRow Row(string group, List<CaseSlaRecord> cases)
    {
        var clocks = Enum.GetValues<SlaClockKind>().Select(kind =>
        {
            var all = cases.SelectMany(c => c.Clocks).Where(k => k.Clock == kind).ToList();
            var achieved = all.Count(k => k.State == ClockRecordState.Achieved);
            var breached = all.Count(k => k.State == ClockRecordState.Breached);
            var met = all.Where(k => k.BusinessTimeToMeet is not null).ToList();
            return new SlaReportClockRow(
                PolicyJson.EnumValue(kind),
                achieved,
                breached,
                all.Count(k => k.State == ClockRecordState.Running),
                all.Count(k => k.State == ClockRecordState.Cancelled),
                achieved + breached == 0 ? null : Math.Round(100.0 * achieved / (achieved + breached), 2),
                DurationPercentiles.Of(met.Select(k => k.BusinessTimeToMeet!.Value)),
                DurationPercentiles.Of(met.Select(k => k.ElapsedTimeToMeet!.Value)),
                Histogram(met.Select(k => k.BusinessTimeToMeet!.Value)));
        }).ToList();
        var solved = cases.Where(c => c.SolvedAt is not null).Select(c => c.SolvedAt!.Value - c.CreatedAt).ToList();
        var solve = DurationPercentiles.Of(solved);
        return new SlaReportRow(group, cases.Count, clocks, solved.Count, solve.P50, solve.P90);
    }
}

/// <summary>How many met clocks took at most <see cref="UpToSeconds"/> (and more than the bucket before); null: longer than every bound.</summary>
public sealed record HistogramBucket(long? UpToSeconds, int Count);

/// <summary>One group of the report.</summary>
public sealed record SlaReportRow(string Group, int Cases, IReadOnlyList<SlaReportClockRow> Clocks, int Solved, long? TimeToSolveP50Seconds, long? TimeToSolveP90Seconds);

/// <summary>One clock kind within a group; durations in seconds.</summary>
public sealed record SlaReportClockRow(string Clock, int Achieved, int Breached, int Running, int Cancelled, double? AchievementPercent, DurationPercentiles BusinessTimeToMeet, DurationPercentiles ElapsedTimeToMeet, IReadOnlyList<HistogramBucket> BusinessHistogram);
