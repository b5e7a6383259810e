using SupportFunctions.Domain.Policies;

namespace SupportFunctions.Domain.Calendars;

/// <summary>
/// Business hours in one time zone: weekly local intervals minus holidays, or always open. Business time is real
/// elapsed time inside open intervals, so it stays exact across DST changes: an interval's local start and end are
/// turned into instants (a start in a spring-forward gap moves to the first valid minute; an ambiguous fall-back time
/// opens at its first occurrence and closes at its last).
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>How far ahead to look for open time before deciding the calendar never opens.</summary>
    private const int MaxDaysScanned = 3_700;

    private readonly TimeZoneInfo _zone;
    private readonly bool _alwaysOpen;
    private readonly Dictionary<DayOfWeek, TimeOfDayInterval[]> _weekly;
    private readonly Dictionary<DateOnly, TimeOfDayInterval[]> _holidayClosures;

    public BusinessCalendar(CalendarDefinition definition, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(zone);
        Id = definition.Id;
        _zone = zone;
        _alwaysOpen = definition.AlwaysOpen;
        _weekly = definition.Weekly.ToDictionary(
            w => Enum.Parse<DayOfWeek>(w.Key, ignoreCase: true),
            w => w.Value.Select(TimeOfDayInterval.Parse).OrderBy(i => i.Start).ToArray());
        _holidayClosures = definition.Holidays.ToDictionary(
            h => h.Date,
            h => h.Closed.Count == 0 ? [new TimeOfDayInterval(TimeSpan.Zero, TimeSpan.FromDays(1))] : h.Closed.Select(TimeOfDayInterval.Parse).ToArray());
        if (!_alwaysOpen && _weekly.Values.All(v => v.Length == 0))
        {
            throw new ArgumentException($"Calendar '{definition.Id}' is never open.", nameof(definition));
        }
    }

    public string Id { get; }

    public TimeZoneInfo TimeZone => _zone;

    public static BusinessCalendar AlwaysOpen(string id = "always") =>
        new(new CalendarDefinition { Id = id, AlwaysOpen = true, TimeZone = "UTC" }, TimeZoneInfo.Utc);

    /// <summary>The policy's calendar with "customer" resolved to the customer's IANA zone.</summary>
    public static BusinessCalendar For(CalendarDefinition definition, string customerTimeZone)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var zoneId = definition.TimeZone == CalendarDefinition.CustomerTimeZone ? customerTimeZone : definition.TimeZone;
        return new BusinessCalendar(definition, TimeZoneInfo.FindSystemTimeZoneById(zoneId));
    }

    public bool IsOpen(DateTimeOffset instant) => _alwaysOpen || OpenIntervals(instant).First(i => i.End > instant).Start <= instant;

    /// <summary>The instant itself when open, otherwise the next opening.</summary>
    public DateTimeOffset NextBusinessInstant(DateTimeOffset instant)
    {
        if (_alwaysOpen)
        {
            return instant;
        }

        var next = OpenIntervals(instant).First(i => i.End > instant);
        return next.Start > instant ? next.Start : instant;
    }

    /// <summary>The instant at which <paramref name="businessDuration"/> of open time has passed since <paramref name="start"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan businessDuration)
    {
        if (businessDuration < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(businessDuration), businessDuration, "Business durations are not negative.");
        }

        if (_alwaysOpen)
        {
            return start + businessDuration;
        }

        var remaining = businessDuration;
        foreach (var interval in OpenIntervals(start))
        {
            if (interval.End <= start)
            {
                continue;
            }

            var from = interval.Start > start ? interval.Start : start;
            if (remaining == TimeSpan.Zero)
            {
                return from;
            }

            var available = interval.End - from;
            if (available >= remaining)
            {
                return from + remaining;
            }

            remaining -= available;
        }

        throw new InvalidOperationException($"Calendar '{Id}' has no open time within {MaxDaysScanned} days of {start:O}.");
    }

    /// <summary>Open time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan Elapsed(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        if (_alwaysOpen)
        {
            return to - from;
        }

        var total = TimeSpan.Zero;
        foreach (var interval in OpenIntervals(from))
        {
            if (interval.Start >= to)
            {
                break;
            }

            var start = interval.Start > from ? interval.Start : from;
            var end = interval.End < to ? interval.End : to;
            if (end > start)
            {
                total += end - start;
            }
        }

        return total;
    }

    /// <summary>Local wall-clock time of an instant in this calendar's zone.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);

    /// <summary>Open intervals as instants, in order, from the local day before <paramref name="around"/> onward.</summary>
    private IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> OpenIntervals(DateTimeOffset around)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(around, _zone).DateTime).AddDays(-1);
        for (var i = 0; i < MaxDaysScanned; i++, day = day.AddDays(1))
        {
            foreach (var local in LocalIntervals(day))
            {
                var start = ToInstant(day, local.Start, earliest: true);
                var end = ToInstant(day, local.End, earliest: false);
                if (end > start)
                {
                    yield return (start, end);
                }
            }
        }
    }

    private IEnumerable<TimeOfDayInterval> LocalIntervals(DateOnly day)
    {
        if (!_weekly.TryGetValue(day.DayOfWeek, out var intervals))
        {
            return [];
        }

        return _holidayClosures.TryGetValue(day, out var closed) ? Subtract(intervals, closed) : intervals;
    }

    private static IEnumerable<TimeOfDayInterval> Subtract(IEnumerable<TimeOfDayInterval> open, TimeOfDayInterval[] closed)
    {
        foreach (var interval in open)
        {
            var pieces = new List<TimeOfDayInterval> { interval };
            foreach (var cut in closed)
            {
                pieces = pieces.SelectMany(p => Cut(p, cut)).ToList();
            }

            foreach (var piece in pieces)
            {
                yield return piece;
            }
        }
    }

    private static IEnumerable<TimeOfDayInterval> Cut(TimeOfDayInterval piece, TimeOfDayInterval cut)
    {
        if (cut.End <= piece.Start || cut.Start >= piece.End)
        {
            yield return piece;
            yield break;
        }

        if (cut.Start > piece.Start)
        {
            yield return new TimeOfDayInterval(piece.Start, cut.Start);
        }

        if (cut.End < piece.End)
        {
            yield return new TimeOfDayInterval(cut.End, piece.End);
        }
    }

    private DateTimeOffset ToInstant(DateOnly day, TimeSpan timeOfDay, bool earliest)
    {
        var local = day.ToDateTime(TimeOnly.MinValue).Add(timeOfDay);
        // A local time skipped by a spring-forward change: the interval starts or ends when the clock resumes.
        while (_zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        if (_zone.IsAmbiguousTime(local))
        {
            var offsets = _zone.GetAmbiguousTimeOffsets(local);
            var offset = earliest ? offsets.Max() : offsets.Min();
            return new DateTimeOffset(local, offset).ToUniversalTime();
        }

        return new DateTimeOffset(local, _zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
