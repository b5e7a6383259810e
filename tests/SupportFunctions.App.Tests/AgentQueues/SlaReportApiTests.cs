using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportFunctions.App.Cases;
using SupportFunctions.App.Tests.Cases;
using SupportFunctions.Domain.Cases;
using SupportFunctions.Domain.Policies;
using SupportFunctions.Domain.Sla;

namespace SupportFunctions.App.Tests.AgentQueues;

/// <summary>
/// Seven cases with timings set on a fake clock; the report's numbers are checked against a computation in this test
/// from the timings themselves (nearest-rank percentiles, achievement of achieved plus breached).
/// </summary>
public sealed class SlaReportApiTests : IAsyncLifetime
{
    private QueueDesk _desk = null!;

    public async Task InitializeAsync() => _desk = await QueueDesk.StartAsync();

    public Task DisposeAsync() => _desk.DisposeAsync().AsTask();

    /// <summary>One clock as the timeline below leaves it: state, and business and elapsed seconds to meet it when met.</summary>
    private sealed record Expected(int Severity, string Clock, string State, int? Business = null, int? Elapsed = null);

    private void Wait(int minutes) => _desk.Clock.Advance(TimeSpan.FromMinutes(minutes));

    [Fact]
    public async Task The_report_counts_outcomes_and_ranks_times_as_computed_from_the_timings()
    {
        var from = _desk.Clock.GetUtcNow().AddMinutes(-1);

        // A, severity 1: answered after 5 min, solved after 2 h.
        var a = await _desk.OpenAsync(1);
        Wait(5);
        await _desk.ActAsync(a, "replies", new { body = "On it." });
        Wait(115);
        await _desk.ActAsync(a, "status", new { status = "Solved", reason = "Fixed" });

        // B, severity 1: answered after 15 min, past its 10: a breach though no timer recorded it.
        var b = await _desk.OpenAsync(1);
        Wait(15);
        await _desk.ActAsync(b, "replies", new { body = "Sorry for the wait." });

        // C, severity 1: waits 30 min on the customer (paused) and is answered at 38 min: 8 business minutes.
        var c = await _desk.OpenAsync(1);
        Wait(2);
        await _desk.ActAsync(c, "status", new { status = "PendingCustomer", reason = "Need logs" });
        Wait(30);
        await _desk.ActAsync(c, "status", new { status = "Open", reason = "Logs received" });
        Wait(6);
        await _desk.ActAsync(c, "replies", new { body = "Found it." });

        // D, severity 2: nobody answers; the SLA timer records the breach at 61 min.
        var d = await _desk.OpenAsync(2);
        Wait(61);
        await RecordThresholdsAsync(d);

        // E, severity 2: answered at 30 min, closed as resolved at 90 (service restored: restoration met).
        var e = await _desk.OpenAsync(2);
        Wait(30);
        await _desk.ActAsync(e, "replies", new { body = "Try this." });
        Wait(60);
        await _desk.ActAsync(e, "close", new { reason = "resolved", note = "Worked" });

        // F, severity 3: untouched. G, severity 2: closed by the agent before anyone answered (both clocks cancelled).
        await _desk.OpenAsync(3);
        var g = await _desk.OpenAsync(2);
        Wait(1);
        await _desk.ActAsync(g, "status", new { status = "Closed", reason = "Opened by mistake" });
        var to = _desk.Clock.GetUtcNow().AddMinutes(1);

        Expected[] clocks =
        [
            new(1, "firstResponse", "achieved", 300, 300), new(1, "restoration", "achieved", 7200, 7200),
            new(1, "firstResponse", "breached", 900, 900), new(1, "restoration", "running"),
            new(1, "firstResponse", "achieved", 480, 38 * 60), new(1, "restoration", "running"),
            new(2, "firstResponse", "breached"), new(2, "restoration", "running"),
            new(2, "firstResponse", "achieved", 1800, 1800), new(2, "restoration", "achieved", 5400, 5400),
            new(3, "firstResponse", "running"),
            new(2, "firstResponse", "cancelled"), new(2, "restoration", "cancelled"),
        ];
        (int Severity, int Cases, int[] Solved)[] groups = [(1, 3, [7200]), (2, 3, [5400, 60]), (3, 1, [])];

        var report = await QueueDesk.GetJsonAsync(_desk.Lead, $"/api/reports/sla?from={Iso(from)}&to={Iso(to)}&groupBy=severity");
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["1", "2", "3"], rows.Select(r => r.GetProperty("group").GetString()));
        foreach (var (severity, cases, solved) in groups)
        {
            var row = rows.Single(r => r.GetProperty("group").GetString() == severity.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(cases, row.GetProperty("cases").GetInt32());
            Assert.Equal(solved.Length, row.GetProperty("solved").GetInt32());
            Assert.Equal(Rank(solved, 50), Long(row, "timeToSolveP50Seconds"));
            Assert.Equal(Rank(solved, 90), Long(row, "timeToSolveP90Seconds"));
            foreach (var kind in new[] { "firstResponse", "nextReply", "restoration" })
            {
                var mine = clocks.Where(x => x.Severity == severity && x.Clock == kind).ToList();
                var clock = row.GetProperty("clocks").EnumerateArray().Single(k => k.GetProperty("clock").GetString() == kind);
                var achieved = mine.Count(x => x.State == "achieved");
                var breached = mine.Count(x => x.State == "breached");
                Assert.Equal(achieved, clock.GetProperty("achieved").GetInt32());
                Assert.Equal(breached, clock.GetProperty("breached").GetInt32());
                Assert.Equal(mine.Count(x => x.State == "running"), clock.GetProperty("running").GetInt32());
                Assert.Equal(mine.Count(x => x.State == "cancelled"), clock.GetProperty("cancelled").GetInt32());
                double? percentExpected = achieved + breached == 0 ? null : Math.Round(100.0 * achieved / (achieved + breached), 2);
                double? percentAnswered = clock.GetProperty("achievementPercent") is { ValueKind: JsonValueKind.Number } p ? p.GetDouble() : null;
                Assert.Equal(percentExpected, percentAnswered);
                var business = mine.Where(x => x.Business is not null).Select(x => x.Business!.Value).ToArray();
                var elapsed = mine.Where(x => x.Elapsed is not null).Select(x => x.Elapsed!.Value).ToArray();
                foreach (var percent in new[] { 50, 90, 99 })
                {
                    Assert.Equal(Rank(business, percent), Long(clock.GetProperty("businessTimeToMeet"), $"p{percent}"));
                    Assert.Equal(Rank(elapsed, percent), Long(clock.GetProperty("elapsedTimeToMeet"), $"p{percent}"));
                }
            }
        }

        // The same rows as CSV.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/sla?from={Iso(from)}&to={Iso(to)}&groupBy=severity");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var csv = await _desk.Lead.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal(["severity", "cases", "solved", "timeToSolveP50Seconds", "timeToSolveP90Seconds", "firstResponseAchieved"], header.Take(6));
        Assert.Equal(4, lines.Length);
        var sev1 = lines[1].Split(',');
        string Cell(string column) => sev1[Array.IndexOf(header, column)];
        Assert.Equal(("1", "3", "2", "1", "66.67", "480", "900"), (Cell("severity"), Cell("cases"), Cell("firstResponseAchieved"), Cell("firstResponseBreached"), Cell("firstResponseAchievementPercent"), Cell("firstResponseBusinessP50Seconds"), Cell("firstResponseBusinessP90Seconds")));
        Assert.Equal(("2280", "2", "7200"), (Cell("firstResponseElapsedP90Seconds"), Cell("restorationRunning"), Cell("timeToSolveP50Seconds")));

        // Other groupings see the same cases; a range that holds none is empty.
        var byMonth = await QueueDesk.GetJsonAsync(_desk.Agent, $"/api/reports/sla?from={Iso(from)}&to={Iso(to)}&groupBy=month");
        Assert.Equal(7, byMonth.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("cases").GetInt32()));
        var byTeam = await QueueDesk.GetJsonAsync(_desk.Agent, $"/api/reports/sla?from={Iso(from)}&to={Iso(to)}&groupBy=team");
        Assert.Equal(["technical-support"], byTeam.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("group").GetString()));
        var later = await QueueDesk.GetJsonAsync(_desk.Agent, $"/api/reports/sla?from={Iso(to)}&to={Iso(to.AddDays(1))}");
        Assert.Empty(later.GetProperty("rows").EnumerateArray());
    }

    /// <summary>What the SLA orchestration's timer does when it fires: record the thresholds crossed by now.</summary>
    private async Task RecordThresholdsAsync(string number)
    {
        var policy = _desk.App.Services.GetRequiredService<SupportPolicy>();
        var at = _desk.Clock.GetUtcNow();
        await _desk.App.Services.GetRequiredService<CaseChanges>().ApplyAsync(number, stored =>
        {
            var change = new CaseChangeBuilder(stored.Case, at, "system");
            return SlaThresholds.Apply(change, policy).Count > 0 ? new CaseChange(change) { SignalsSla = false } : null;
        }, CancellationToken.None);
    }

    private static long? Rank(int[] values, int percent)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? null : sorted[(int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1];
    }

    private static long? Long(JsonElement element, string name) =>
        element.GetProperty(name) is { ValueKind: JsonValueKind.Number } value ? value.GetInt64() : null;

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
}
