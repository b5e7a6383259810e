using Azure;
using SupportFunctions.Domain.AgentQueues;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Domain.Reports;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.AgentQueues;

/// <summary>
/// Writes what the agents' queue and the SLA report hold for a case, after each committed change and before its 2xx,
/// so a read right after the change shows it. Those rows live in other partitions than the case (a queue partition
/// per team, a report partition per month), so they cannot join the case's transaction; the transaction instead marks
/// the case (a marker per affected team). A projection reads case, markers and clock outcomes together, writes the
/// rows, then removes the markers it read — each only if unchanged. When that fails, a newer change (or a projection
/// of one) came in between and this one may have written older rows over newer: it reads and writes again. A crash
/// leaves the markers, and <see cref="ProjectionReconciler"/> finishes the work.
/// </summary>
public sealed class CaseProjection(CaseRepository cases, AgentQueueRepository queue, SlaReportRepository reports, SupportPolicy policy, ILogger<CaseProjection> logger)
{
    private const int MaxAttempts = 6;

    /// <summary>
    /// Runs between reading a case and writing its rows: a test holds a projection here while a change overtakes it,
    /// the race the markers exist for, which timing alone makes too rare to test.
    /// </summary>
    internal Func<string, Task>? BetweenReadAndWrite { get; set; }

    public async Task ProjectAsync(string number, CancellationToken cancellationToken)
    {
        try
        {
            await ProjectOrThrowAsync(number, force: false, cancellationToken);
        }
        catch (RequestFailedException ex)
        {
            // The change itself is committed and marked: its caller gets its answer, the reconciler the rows.
            Logs.ProjectionDeferred(logger, ex, number, ex.Status);
        }
    }

    /// <summary>Projects the case even when it carries no marker (the reconciler, and checks that rebuild rows).</summary>
    public Task ReprojectAsync(string number, CancellationToken cancellationToken) => ProjectOrThrowAsync(number, force: true, cancellationToken);

    private async Task ProjectOrThrowAsync(string number, bool force, CancellationToken cancellationToken)
    {
        var teams = new HashSet<string>(StringComparer.Ordinal);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var source = await cases.GetProjectionSourceAsync(number, cancellationToken);
            if (source.Case is null || (attempt == 1 && !force && source.Markers.Count == 0))
            {
                // No case (its opening was never committed), or a projection that started after our change has already
                // written it and cleared its marker.
                return;
            }

            if (BetweenReadAndWrite is { } pause)
            {
                await pause(number);
            }

            var c = source.Case.Case;
            teams.UnionWith(source.Markers.Select(m => m.Team));
            teams.Add(c.Team);
            var entry = AgentQueueEntry.From(c, policy);
            var writes = teams.Select(team => queue.WriteAsync(team, number, team == c.Team ? entry : null, cancellationToken)).ToList();
            writes.Add(reports.WriteAsync(CaseSlaRecord.From(c, source.Outcomes, policy), cancellationToken));
            await Task.WhenAll(writes);

            var current = source.Markers.Count > 0
                ? await cases.ClearProjectionMarkersAsync(number, source.Markers, cancellationToken)
                : await cases.GetETagAsync(number, cancellationToken) == source.Case.ETag;
            if (current)
            {
                return;
            }
        }

        Logs.ProjectionUnsettled(logger, number, MaxAttempts);
    }
}
