using System.Globalization;

namespace SupportFunctions.Domain.Policies;

/// <summary>A local-time interval within one day, written "08:00-17:00"; the end may be "24:00" (midnight at the end of the day).</summary>
public readonly record struct TimeOfDayInterval(TimeSpan Start, TimeSpan End)
{
    public static bool TryParse(string? text, out TimeOfDayInterval interval)
    {
        interval = default;
        var parts = text?.Split('-', StringSplitOptions.TrimEntries);
        if (parts is not [var from, var to] || !TryParseTime(from, out var start) || !TryParseTime(to, out var end) || end <= start)
        {
            return false;
        }

        interval = new TimeOfDayInterval(start, end);
        return true;
    }

    public static TimeOfDayInterval Parse(string text) =>
        TryParse(text, out var interval) ? interval : throw new FormatException($"'{text}' is not an interval like \"08:00-17:00\".");

    public override string ToString() => $"{Format(Start)}-{Format(End)}";

    private static bool TryParseTime(string text, out TimeSpan time)
    {
        time = default;
        if (text == "24:00")
        {
            time = TimeSpan.FromHours(24);
            return true;
        }

        if (!TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        time = parsed.ToTimeSpan();
        return true;
    }

    private static string Format(TimeSpan time) => time == TimeSpan.FromHours(24) ? "24:00" : time.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
