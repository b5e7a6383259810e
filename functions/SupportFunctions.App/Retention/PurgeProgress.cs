namespace SupportFunctions.App.Retention;

/// <summary>
/// Where a purge run stands: the orchestration's input (carried across <c>ContinueAsNew</c>), its custom status while
/// it works (what the admin API shows), and its output. Expiry is judged as of the run's start, so a page planned
/// again after a crash judges the same; the number of sources is fixed at the start too.
/// </summary>
public sealed record PurgeProgress(string RunId, bool DryRun, DateTimeOffset AsOf, int Phases, int Phase, string? Continuation, int Pages, IReadOnlyDictionary<string, long> Purged, IReadOnlyDictionary<string, long> Held)
{
    public static PurgeProgress Start(string runId, bool dryRun, DateTimeOffset asOf, int phases) =>
        new(runId, dryRun, asOf, phases, 0, null, 0, new Dictionary<string, long>(), new Dictionary<string, long>());

    /// <summary>The progress after a page: counts added, and on to the next page, or the next source when this one is done.</summary>
    public PurgeProgress After(PurgePageResult page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return this with
        {
            Phase = page.Next is null ? Phase + 1 : Phase,
            Continuation = page.Next,
            Pages = page.Targets > 0 ? Pages + 1 : Pages,
            Purged = Add(Purged, page.Purged),
            Held = Add(Held, page.Held),
        };
    }

    private static Dictionary<string, long> Add(IReadOnlyDictionary<string, long> sum, IReadOnlyDictionary<string, long> more)
    {
        var total = sum.ToDictionary(c => c.Key, c => c.Value, StringComparer.Ordinal);
        foreach (var (dataClass, count) in more)
        {
            total[dataClass] = total.GetValueOrDefault(dataClass) + count;
        }

        return total;
    }
}
