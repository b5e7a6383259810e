using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using SupportFunctions.App.Hosting;
using SupportFunctions.Domain.Reports;
using SupportFunctions.Storage.Repositories;

namespace SupportFunctions.App.Reports;

/// <summary><c>/api/reports</c>: how the desk meets its SLAs. Staff only.</summary>
public static class SlaReportApi
{
    /// <summary>The longest range one report reads (its cost grows with the months it spans).</summary>
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(366 * 3);

    public static RouteGroupBuilder MapReports(this RouteGroupBuilder group)
    {
        group.MapGet("/sla", Sla)
            .WithName("GetSlaReport")
            .WithSummary("Cases opened in [from, to) grouped by severity, team, category, account or month: per clock achieved, breached, running, cancelled, achievement %, time to meet p50/p90/p99 (business and elapsed seconds); time to solve p50/p90. Accept: text/csv for CSV.")
            .Produces<SlaReportView>()
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem(StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    private static async Task<Results<Ok<SlaReportView>, FileContentHttpResult, ProblemHttpResult>> Sla(HttpRequest request, SlaReportRepository reports, TimeProvider time, CancellationToken cancellationToken, string? from = null, string? to = null, string? groupBy = null)
    {
        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var end = Instant(to, "to", errors) ?? now;
        var start = Instant(from, "from", errors) ?? end.AddDays(-30);
        var grouping = SlaReportGrouping.Severity;
        if (groupBy is not null && !(Enum.TryParse(groupBy, ignoreCase: true, out grouping) && Enum.IsDefined(grouping) && !int.TryParse(groupBy, out _)))
        {
            errors["groupBy"] = ["must be severity, team, category, account or month"];
        }

        if (errors.Count == 0 && start >= end)
        {
            errors["from"] = ["must be before to"];
        }
        else if (errors.Count == 0 && end - start > MaxRange)
        {
            errors["from"] = [$"a report spans at most {MaxRange.TotalDays:0} days; ask for several"];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var records = await reports.ReadAsync(start, end, cancellationToken);
        var view = new SlaReportView(start, end, grouping.ToString().ToLowerInvariant(), now, SlaReport.Compute(records, grouping), SlaReport.Total(records));
        var accept = request.GetTypedHeaders().Accept;
        return accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase))
            ? TypedResults.File(Encoding.UTF8.GetBytes(SlaReportCsv.Write(view)), "text/csv; charset=utf-8", $"sla-report-{start:yyyyMMdd}-{end:yyyyMMdd}.csv")
            : TypedResults.Ok(view);
    }

    /// <summary>An ISO 8601 date (midnight UTC) or date and time with an offset.</summary>
    private static DateTimeOffset? Instant(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at;
        }

        errors[name] = [$"\"{text}\" is not an ISO 8601 date (2026-11-01) or date-time with offset (2026-11-01T09:00:00Z)"];
        return null;
    }
}

/// <summary>The report: its range (cases opened from, to), grouping, when it was computed, one row per group, and every case as one row (<c>total</c>, group "all").</summary>
public sealed record SlaReportView(DateTimeOffset From, DateTimeOffset To, string GroupBy, DateTimeOffset GeneratedAt, IReadOnlyList<SlaReportRow> Rows, SlaReportRow Total);
