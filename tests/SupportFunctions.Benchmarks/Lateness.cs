using System.Globalization;

namespace SupportFunctions.Benchmarks;

/// <summary>How late timed events were (milliseconds; early ones negative), as the timer benchmarks print it.</summary>
public static class Lateness
{
    public static string Describe(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        if (sorted.Length == 0)
        {
            return "none recorded";
        }

        return string.Create(CultureInfo.InvariantCulture, $"p50 {Throughput.Percentile(sorted, 0.5):F0} ms, p99 {Throughput.Percentile(sorted, 0.99):F0} ms, max {sorted[^1]:F0} ms, min {sorted[0]:F0} ms");
    }
}
