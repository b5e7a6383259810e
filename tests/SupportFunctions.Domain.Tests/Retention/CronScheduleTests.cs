using SupportFunctions.Domain.Retention;

namespace SupportFunctions.Domain.Tests.Retention;

public sealed class CronScheduleTests
{
    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi, int s = 0) => new(y, mo, d, h, mi, s, TimeSpan.Zero);

    [Fact]
    public void Daily_at_0200_fires_the_next_morning_once_today_has_passed() =>
        Assert.Equal(Utc(2026, 11, 23, 2, 0), CronSchedule.Parse("0 0 2 * * *").Next(Utc(2026, 11, 22, 3, 15)));

    [Fact]
    public void Daily_at_0200_fires_today_when_it_is_still_before_two() =>
        Assert.Equal(Utc(2026, 11, 22, 2, 0), CronSchedule.Parse("0 0 2 * * *").Next(Utc(2026, 11, 22, 1, 59, 59)));

    [Fact]
    public void Next_is_strictly_after_the_given_instant() =>
        Assert.Equal(Utc(2026, 11, 23, 2, 0), CronSchedule.Parse("0 0 2 * * *").Next(Utc(2026, 11, 22, 2, 0)));

    [Fact]
    public void Steps_ranges_and_lists_follow_ncrontab()
    {
        Assert.Equal(Utc(2026, 11, 22, 10, 5), CronSchedule.Parse("0 */5 * * * *").Next(Utc(2026, 11, 22, 10, 1, 30)));
        Assert.Equal(Utc(2026, 11, 23, 9, 30), CronSchedule.Parse("0 30 9 * * 1-5").Next(Utc(2026, 11, 22, 12, 0))); // Sunday → Monday
        Assert.Equal(Utc(2026, 12, 1, 0, 0), CronSchedule.Parse("0 0 0 1 3,6,9,12 *").Next(Utc(2026, 11, 22, 0, 0)));
    }

    [Fact]
    public void The_last_day_of_february_in_a_leap_year_is_reached() =>
        Assert.Equal(Utc(2028, 2, 29, 0, 0), CronSchedule.Parse("0 0 0 29 2 *").Next(Utc(2026, 11, 22, 0, 0)));

    [Theory]
    [InlineData("0 0 2 * *", "six fields")]
    [InlineData("0 0 25 * * *", "hour field")]
    [InlineData("0 0 2 * * mon", "day-of-week field")]
    [InlineData("0 */0 * * * *", "minute field")]
    public void A_broken_expression_is_refused_naming_the_field(string text, string expected)
    {
        Assert.False(CronSchedule.TryParse(text, out _, out var problem));
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }
}
