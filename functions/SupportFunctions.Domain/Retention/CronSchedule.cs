using System.Globalization;

namespace SupportFunctions.Domain.Retention;

/// <summary>
/// An NCRONTAB expression as the Functions timer trigger reads it — six fields, <c>second minute hour day month
/// day-of-week</c>, each <c>*</c>, a number, a range <c>a-b</c>, a list, or a step <c>*/n</c> / <c>a-b/n</c> — evaluated in
/// UTC, so the standalone schedule fires when the Functions host would.
/// </summary>
public sealed class CronSchedule
{
    private static readonly (int Min, int Max, string Name)[] Fields = [(0, 59, "second"), (0, 59, "minute"), (0, 23, "hour"), (1, 31, "day"), (1, 12, "month"), (0, 6, "day-of-week")];
    private readonly bool[][] _allowed;

    private CronSchedule(bool[][] allowed, string text)
    {
        _allowed = allowed;
        Text = text;
    }

    public string Text { get; }

    public static CronSchedule Parse(string text)
    {
        if (!TryParse(text, out var schedule, out var problem))
        {
            throw new FormatException(problem);
        }

        return schedule!;
    }

    public static bool TryParse(string? text, out CronSchedule? schedule, out string? problem)
    {
        schedule = null;
        var parts = (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6)
        {
            problem = $"\"{text}\" is not an NCRONTAB expression: it needs six fields (second minute hour day month day-of-week).";
            return false;
        }

        var allowed = new bool[6][];
        for (var i = 0; i < 6; i++)
        {
            var (min, max, name) = Fields[i];
            allowed[i] = new bool[max + 1];
            foreach (var term in parts[i].Split(','))
            {
                if (!TryTerm(term, min, max, allowed[i]))
                {
                    problem = $"\"{text}\": the {name} field \"{parts[i]}\" is not a value, range, list or step within {min}-{max}.";
                    return false;
                }
            }
        }

        problem = null;
        schedule = new CronSchedule(allowed, text!);
        return true;
    }

    /// <summary>The first matching second strictly after <paramref name="after"/>, in UTC.</summary>
    public DateTimeOffset Next(DateTimeOffset after)
    {
        var t = new DateTimeOffset(after.UtcDateTime.Ticks - (after.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddSeconds(1);
        var limit = t.AddYears(5);
        while (t < limit)
        {
            if (!_allowed[4][t.Month] || !_allowed[3][t.Day] || !_allowed[5][(int)t.DayOfWeek])
            {
                t = new DateTimeOffset(t.Year, t.Month, t.Day, 0, 0, 0, TimeSpan.Zero).AddDays(1);
            }
            else if (!_allowed[2][t.Hour])
            {
                t = new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
            }
            else if (!_allowed[1][t.Minute])
            {
                t = new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0, TimeSpan.Zero).AddMinutes(1);
            }
            else if (!_allowed[0][t.Second])
            {
                t = t.AddSeconds(1);
            }
            else
            {
                return t;
            }
        }

        throw new InvalidOperationException($"The schedule \"{Text}\" never fires.");
    }

    private static bool TryTerm(string term, int min, int max, bool[] allowed)
    {
        var step = 1;
        var slash = term.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!int.TryParse(term[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1)
            {
                return false;
            }

            term = term[..slash];
        }

        int from, to;
        if (term == "*")
        {
            (from, to) = (min, max);
        }
        else if (term.Split('-') is [var a, var b])
        {
            if (!int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out from) || !int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out to))
            {
                return false;
            }
        }
        else if (int.TryParse(term, NumberStyles.None, CultureInfo.InvariantCulture, out from))
        {
            to = slash >= 0 ? max : from;
        }
        else
        {
            return false;
        }

        if (from < min || to > max || from > to)
        {
            return false;
        }

        for (var v = from; v <= to; v += step)
        {
            allowed[v] = true;
        }

        return true;
    }
}
