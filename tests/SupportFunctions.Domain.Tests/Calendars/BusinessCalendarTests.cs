using SupportFunctions.Domain.Calendars;
using SupportFunctions.Domain.Policies;

namespace SupportFunctions.Domain.Tests.Calendars;

public class BusinessCalendarTests
{
    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday"];
    private static readonly string[] AllDays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private static BusinessCalendar Calendar(string zone, string[] days, string[] hours, params HolidayDefinition[] holidays) =>
        BusinessCalendar.For(
            new CalendarDefinition { Id = "test", TimeZone = zone, Weekly = days.ToDictionary(d => d, _ => (IReadOnlyList<string>)hours), Holidays = holidays },
            zone);

    private static BusinessCalendar OfficeHours(string zone) => Calendar(zone, Weekdays, ["08:00-17:00"]);

    private static DateTimeOffset Local(string zone, int y, int m, int d, int h, int min)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var local = new DateTime(y, m, d, h, min, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, tz.GetUtcOffset(local));
    }

    [Fact]
    public void Sev2_created_friday_1630_is_due_monday_0830_customer_time()
    {
        var calendar = OfficeHours("America/New_York");
        var created = Local("America/New_York", 2026, 11, 20, 16, 30);

        var due = calendar.Add(created, TimeSpan.FromHours(1));

        Assert.Equal(Local("America/New_York", 2026, 11, 23, 8, 30), due);
        Assert.Equal(TimeSpan.FromMinutes(30), calendar.Elapsed(created, Local("America/New_York", 2026, 11, 23, 8, 0)));
        Assert.Equal(TimeSpan.FromHours(1), calendar.Elapsed(created, due));
    }

    [Fact]
    public void Sev1_at_0200_sunday_on_the_always_open_calendar_is_due_0210()
    {
        var created = new DateTimeOffset(2026, 11, 22, 2, 0, 0, TimeSpan.Zero);
        Assert.Equal(created.AddMinutes(10), BusinessCalendar.AlwaysOpen().Add(created, TimeSpan.FromMinutes(10)));
    }

    [Fact]
    public void The_same_office_hours_are_counted_in_each_customers_zone()
    {
        var created = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
        var saoPaulo = OfficeHours("America/Sao_Paulo").Add(created, TimeSpan.FromHours(2));
        var sydney = OfficeHours("Australia/Sydney").Add(created, TimeSpan.FromHours(2));
        Assert.Equal(Local("America/Sao_Paulo", 2026, 11, 20, 11, 0), saoPaulo);
        Assert.Equal(Local("Australia/Sydney", 2026, 11, 23, 10, 0), sydney);
    }

    [Fact]
    public void A_time_before_opening_starts_counting_at_opening_and_after_closing_at_the_next_opening()
    {
        var calendar = OfficeHours("Europe/Berlin");
        Assert.Equal(Local("Europe/Berlin", 2026, 11, 18, 9, 0), calendar.Add(Local("Europe/Berlin", 2026, 11, 18, 6, 0), TimeSpan.FromHours(1)));
        Assert.Equal(Local("Europe/Berlin", 2026, 11, 19, 9, 0), calendar.Add(Local("Europe/Berlin", 2026, 11, 18, 19, 0), TimeSpan.FromHours(1)));
        Assert.Equal(Local("Europe/Berlin", 2026, 11, 23, 8, 0), calendar.NextBusinessInstant(Local("Europe/Berlin", 2026, 11, 21, 12, 0)));
        Assert.Equal(Local("Europe/Berlin", 2026, 11, 18, 10, 0), calendar.NextBusinessInstant(Local("Europe/Berlin", 2026, 11, 18, 10, 0)));
        Assert.False(calendar.IsOpen(Local("Europe/Berlin", 2026, 11, 18, 17, 0)));
        Assert.True(calendar.IsOpen(Local("Europe/Berlin", 2026, 11, 18, 16, 59)));
    }

    [Fact]
    public void Exactly_at_closing_the_remaining_time_moves_to_the_next_business_day()
    {
        var calendar = OfficeHours("America/New_York");
        Assert.Equal(Local("America/New_York", 2026, 11, 19, 17, 0), calendar.Add(Local("America/New_York", 2026, 11, 19, 8, 0), TimeSpan.FromHours(9)));
        Assert.Equal(Local("America/New_York", 2026, 11, 20, 8, 1), calendar.Add(Local("America/New_York", 2026, 11, 19, 8, 0), TimeSpan.FromHours(9) + TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Several_intervals_a_day_and_a_night_shift_across_midnight_and_the_week_end()
    {
        var split = Calendar("UTC", Weekdays, ["08:00-12:00", "13:00-17:00"]);
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 13, 30, 0, TimeSpan.Zero), split.Add(new DateTimeOffset(2026, 11, 18, 11, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(90)));

        var night = Calendar("UTC", AllDays, ["00:00-02:00", "22:00-24:00"]);
        var sundayLate = new DateTimeOffset(2026, 11, 22, 23, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero), night.Add(sundayLate, TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(2), night.Elapsed(sundayLate, new DateTimeOffset(2026, 11, 23, 1, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Whole_and_partial_holidays_are_closed()
    {
        var calendar = Calendar(
            "America/New_York",
            Weekdays,
            ["08:00-17:00"],
            new HolidayDefinition { Date = new DateOnly(2026, 11, 26), Name = "Thanksgiving" },
            new HolidayDefinition { Date = new DateOnly(2026, 12, 24), Name = "Christmas Eve", Closed = ["12:00-17:00"] });

        Assert.Equal(Local("America/New_York", 2026, 11, 27, 9, 0), calendar.Add(Local("America/New_York", 2026, 11, 25, 16, 0), TimeSpan.FromHours(2)));
        Assert.Equal(Local("America/New_York", 2026, 12, 25, 9, 0), calendar.Add(Local("America/New_York", 2026, 12, 24, 11, 0), TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(4), calendar.Elapsed(Local("America/New_York", 2026, 12, 24, 0, 0), Local("America/New_York", 2026, 12, 25, 0, 0)));
    }

    // Spring forward: a day of 23 hours, and a local start inside the gap opens when the clock resumes.
    [Theory]
    [InlineData("America/New_York", 2026, 3, 8)]
    [InlineData("Europe/Berlin", 2026, 3, 29)]
    [InlineData("Australia/Sydney", 2026, 10, 4)]
    [InlineData("America/Sao_Paulo", 2018, 11, 4)]
    public void A_spring_forward_day_has_23_business_hours_around_the_clock(string zone, int y, int m, int d)
    {
        var calendar = Calendar(zone, AllDays, ["00:00-24:00"]);
        var day = new DateOnly(y, m, d);
        var start = Local(zone, y, m, d, 0, 0);
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var nextMidnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        var end = new DateTimeOffset(nextMidnight, tz.GetUtcOffset(nextMidnight));
        Assert.Equal(TimeSpan.FromHours(23), calendar.Elapsed(start, end));
        Assert.Equal(end, calendar.Add(start, TimeSpan.FromHours(23)));
    }

    // Fall back: a day of 25 hours.
    [Theory]
    [InlineData("America/New_York", 2026, 11, 1)]
    [InlineData("Europe/Berlin", 2026, 10, 25)]
    [InlineData("Australia/Sydney", 2026, 4, 5)]
    public void A_fall_back_day_has_25_business_hours_around_the_clock(string zone, int y, int m, int d)
    {
        var calendar = Calendar(zone, AllDays, ["00:00-24:00"]);
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var midnight = new DateTime(y, m, d, 0, 0, 0);
        var nextMidnight = midnight.AddDays(1);
        var start = new DateTimeOffset(midnight, tz.GetUtcOffset(midnight));
        var end = new DateTimeOffset(nextMidnight, tz.GetUtcOffset(nextMidnight));
        Assert.Equal(TimeSpan.FromHours(25), calendar.Elapsed(start, end));
    }

    [Fact]
    public void Sao_Paulo_fall_back_of_2019_repeats_the_2300_hour()
    {
        // DST ended at 00:00 on 17 Feb 2019: clocks went back to 23:00 on the 16th, so the 16th had 25 hours.
        var calendar = Calendar("America/Sao_Paulo", AllDays, ["00:00-24:00"]);
        var start = new DateTimeOffset(2019, 2, 16, 0, 0, 0, TimeSpan.FromHours(-2));
        var end = new DateTimeOffset(2019, 2, 17, 0, 0, 0, TimeSpan.FromHours(-3));
        Assert.Equal(TimeSpan.FromHours(25), calendar.Elapsed(start, end));
    }

    [Fact]
    public void Office_hours_across_a_dst_weekend_stay_nine_hours_a_day()
    {
        var calendar = OfficeHours("America/New_York");
        Assert.Equal(TimeSpan.FromHours(9), calendar.Elapsed(Local("America/New_York", 2026, 3, 6, 0, 0), Local("America/New_York", 2026, 3, 7, 0, 0)));
        Assert.Equal(TimeSpan.FromHours(9), calendar.Elapsed(Local("America/New_York", 2026, 3, 9, 0, 0), Local("America/New_York", 2026, 3, 10, 0, 0)));
        Assert.Equal(Local("America/New_York", 2026, 3, 9, 9, 0), calendar.Add(Local("America/New_York", 2026, 3, 6, 16, 0), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void An_interval_starting_in_the_spring_forward_gap_opens_when_the_clock_resumes()
    {
        var calendar = Calendar("America/New_York", ["sunday"], ["02:00-04:00"]);
        var sunday = new DateTimeOffset(2026, 3, 8, 0, 0, 0, TimeSpan.FromHours(-5));
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 3, 0, 0, TimeSpan.FromHours(-4)), calendar.NextBusinessInstant(sunday));
        Assert.Equal(TimeSpan.FromHours(1), calendar.Elapsed(sunday, sunday.AddDays(1)));
    }

    [Fact]
    public void Add_then_elapsed_gives_back_the_duration_for_random_starts_and_durations()
    {
        var random = new Random(20261122);
        BusinessCalendar[] calendars =
        [
            OfficeHours("America/New_York"),
            OfficeHours("Europe/Berlin"),
            OfficeHours("Australia/Sydney"),
            Calendar("America/Sao_Paulo", AllDays, ["00:00-02:00", "09:30-12:15", "22:00-24:00"], new HolidayDefinition { Date = new DateOnly(2018, 11, 15) }),
            BusinessCalendar.AlwaysOpen(),
        ];
        var origin = new DateTimeOffset(2018, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 2_000; i++)
        {
            var calendar = calendars[i % calendars.Length];
            var start = origin.AddMinutes(random.Next(0, 9 * 365 * 24 * 60));
            var duration = TimeSpan.FromMinutes(random.Next(0, 60 * 24 * 10));
            var end = calendar.Add(start, duration);
            Assert.True(calendar.Elapsed(start, end) == duration, $"{calendar.TimeZone.Id}: start {start:O} + {duration} = {end:O}, elapsed {calendar.Elapsed(start, end)}");
        }
    }

    [Fact]
    public void A_calendar_without_open_hours_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(new CalendarDefinition { Id = "never", Weekly = new Dictionary<string, IReadOnlyList<string>> { ["monday"] = [] } }, TimeZoneInfo.Utc));
    }
}
