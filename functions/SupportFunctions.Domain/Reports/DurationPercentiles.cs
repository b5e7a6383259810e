namespace SupportFunctions.Domain.Reports;

/// <summary>Nearest-rank percentiles of durations, in whole seconds; null when there is nothing to rank.</summary>
public sealed record DurationPercentiles(long? P50, long? P90, long? P99)
{
    public static DurationPercentiles Of(IEnumerable<TimeSpan> durations)
    {
        var sorted = durations.Select(d => (long)Math.Floor(d.TotalSeconds)).Order().ToList();
        return new DurationPercentiles(Rank(sorted, 50), Rank(sorted, 90), Rank(sorted, 99));
    }

    /// <summary>The smallest value with at least <paramref name="percent"/>% of the values at or below it.</summary>
    public static long? Rank(IReadOnlyList<long> sorted, int percent)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(percent / 100.0 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
