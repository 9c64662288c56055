using System.Globalization;
using Microsoft.Extensions.Configuration;
using Disclosure.Pipeline.Sweep;
using Disclosure.Sweep;

namespace Disclosure.Tests.Sweep;

public sealed class DeadlineAndScheduleTests
{
    [Theory]
    [InlineData(AgencyLevel.Department, 2023, null, null, "2024-01-31")]
    [InlineData(AgencyLevel.Government, 2023, null, null, "2024-03-31")]
    [InlineData(AgencyLevel.Department, 2023, "02-15", null, "2024-02-15")]
    [InlineData(AgencyLevel.Government, 2023, null, "2-30", "2024-02-29")]
    public void Deadline_of_the_following_year(AgencyLevel level, int year, string? dept, string? gov, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), DeadlinePolicy.From(dept, gov).DeadlineFor(level, year));

    [Theory]
    [InlineData("2024-01-31T15:59:59Z", "2024-01-31")]
    [InlineData("2024-01-31T16:00:00Z", "2024-02-01")]
    public void Publication_day_is_beijing_time(string instant, string day) =>
        Assert.Equal(DateOnly.Parse(day, CultureInfo.InvariantCulture), DeadlinePolicy.PublicationDay(DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture)));

    [Fact]
    public void Bad_deadline_setting_is_refused() => Assert.Throws<FormatException>(() => DeadlinePolicy.From("31 Jan", null));

    [Theory]
    [InlineData("Sweep:DepartmentDeadline", "31 Jan", "Sweep__DepartmentDeadline")]
    [InlineData("Sweep:GovernmentDeadline", "13-45", "Sweep__GovernmentDeadline")]
    public void A_bad_deadline_setting_is_refused_naming_the_setting(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => (object)SweepOptions.From(configuration));
        Assert.StartsWith(named + ":", error.Message, StringComparison.Ordinal);
        Assert.Contains(value, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2024-01-01T00:00:00Z", "2024-01-31T17:00:00Z", 2023)]
    [InlineData("2024-01-31T17:00:00Z", "2024-03-31T17:00:00Z", 2023)]
    [InlineData("2024-04-02T00:00:00Z", "2025-01-31T17:00:00Z", 2024)]
    public void Default_schedule_runs_after_each_deadline(string now, string next, int year)
    {
        var schedule = SweepScheduler.Parse(SweepOptions.DefaultSchedule);
        var at = SweepScheduler.Next(schedule, DateTimeOffset.Parse(now, CultureInfo.InvariantCulture));
        Assert.Equal(DateTimeOffset.Parse(next, CultureInfo.InvariantCulture), at);
        Assert.Equal(year, SweepOptions.YearToSweep(at));
        // 17:00 UTC is 01:00 the next day in Beijing: after the deadline day has ended.
        Assert.Equal(1, at.ToOffset(DeadlinePolicy.ChinaOffset).Hour);
    }

    [Fact]
    public void Five_field_schedules_are_accepted() =>
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 3, 0, 0, TimeSpan.Zero),
            SweepScheduler.Next(SweepScheduler.Parse("0 3 1 * *"), new DateTimeOffset(2024, 4, 15, 0, 0, 0, TimeSpan.Zero)));
}
