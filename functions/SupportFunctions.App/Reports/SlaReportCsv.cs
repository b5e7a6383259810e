using System.Globalization;
using System.Text;
using SupportFunctions.Domain.Reports;

namespace SupportFunctions.App.Reports;

/// <summary>The report's rows as CSV (RFC 4180): one line per group, the clock kinds' columns side by side, durations in seconds.</summary>
public static class SlaReportCsv
{
    private static readonly string[] ClockColumns =
        ["achieved", "breached", "running", "cancelled", "achievementPercent", "businessP50Seconds", "businessP90Seconds", "businessP99Seconds", "elapsedP50Seconds", "elapsedP90Seconds", "elapsedP99Seconds"];

    public static string Write(SlaReportView report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var kinds = report.Rows.Count > 0 ? report.Rows[0].Clocks.Select(c => c.Clock).ToList() : ["firstResponse", "nextReply", "restoration"];
        var csv = new StringBuilder();
        var header = new List<string> { report.GroupBy, "cases", "solved", "timeToSolveP50Seconds", "timeToSolveP90Seconds" };
        header.AddRange(kinds.SelectMany(k => ClockColumns.Select(c => k + char.ToUpperInvariant(c[0]) + c[1..])));
        csv.Append(string.Join(',', header)).Append("\r\n");
        foreach (var row in report.Rows)
        {
            var cells = new List<string> { Quote(row.Group), Number(row.Cases), Number(row.Solved), Number(row.TimeToSolveP50Seconds), Number(row.TimeToSolveP90Seconds) };
            foreach (var clock in row.Clocks)
            {
                cells.AddRange([
                    Number(clock.Achieved), Number(clock.Breached), Number(clock.Running), Number(clock.Cancelled),
                    clock.AchievementPercent?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty,
                    Number(clock.BusinessTimeToMeet.P50), Number(clock.BusinessTimeToMeet.P90), Number(clock.BusinessTimeToMeet.P99),
                    Number(clock.ElapsedTimeToMeet.P50), Number(clock.ElapsedTimeToMeet.P90), Number(clock.ElapsedTimeToMeet.P99),
                ]);
            }

            csv.Append(string.Join(',', cells)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>Quoted when it holds a separator, a quote or a line break; a leading formula character is neutralised for spreadsheets.</summary>
    private static string Quote(string value)
    {
        var text = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return text.IndexOfAny([',', '"', '\r', '\n']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
