namespace Disclosure.Sweep;

/// <summary>
/// Legal deadlines (《政府信息公开条例》 art. 49): departments by 31 January, governments by 31 March of the following
/// year. Configurable as month/day; dates are judged in China Standard Time (UTC+8), where the reports are published.
/// </summary>
public sealed record DeadlinePolicy(int DepartmentMonth = 1, int DepartmentDay = 31, int GovernmentMonth = 3, int GovernmentDay = 31)
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static DeadlinePolicy Default { get; } = new();

    /// <summary>Parses "MM-dd" pairs as in settings; null or blank keeps the default.</summary>
    public static DeadlinePolicy From(string? department, string? government)
    {
        var (dm, dd) = ParseMonthDay(department, 1, 31);
        var (gm, gd) = ParseMonthDay(government, 3, 31);
        return new DeadlinePolicy(dm, dd, gm, gd);
    }

    /// <summary>The last day on which a report for <paramref name="year"/> is on time.</summary>
    public DateOnly DeadlineFor(AgencyLevel level, int year) => level == AgencyLevel.Government
        ? new DateOnly(year + 1, GovernmentMonth, Math.Min(GovernmentDay, DateTime.DaysInMonth(year + 1, GovernmentMonth)))
        : new DateOnly(year + 1, DepartmentMonth, Math.Min(DepartmentDay, DateTime.DaysInMonth(year + 1, DepartmentMonth)));

    /// <summary>The calendar day of a publication instant, in China Standard Time.</summary>
    public static DateOnly PublicationDay(DateTimeOffset published) => DateOnly.FromDateTime(published.ToOffset(ChinaOffset).DateTime);

    private static (int Month, int Day) ParseMonthDay(string? value, int month, int day)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (month, day);
        }

        var parts = value.Trim().Split('-', '/');
        if (parts.Length == 2 && int.TryParse(parts[0], out var m) && int.TryParse(parts[1], out var d) && m is >= 1 and <= 12 && d is >= 1 and <= 31)
        {
            return (m, d);
        }

        throw new FormatException($"Deadline '{value}' is not MM-dd.");
    }
}
