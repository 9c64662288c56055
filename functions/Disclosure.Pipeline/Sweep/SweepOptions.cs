using Disclosure.Pipeline.Configuration;
using Disclosure.Sweep;
using Microsoft.Extensions.Configuration;

namespace Disclosure.Pipeline.Sweep;

/// <summary>Sweep settings (Sweep__*). Deadlines are MM-dd of the following year; the schedule is NCRONTAB in UTC.</summary>
public sealed record SweepOptions
{
    /// <summary>
    /// 17:00 UTC on 31 January and 31 March = 01:00 Beijing time on the day after each legal deadline.
    /// Six fields (with seconds), as the Functions timer trigger expects.
    /// </summary>
    public const string DefaultSchedule = "0 0 17 31 1,3 *";

    public string Schedule { get; init; } = DefaultSchedule;

    public DeadlinePolicy Deadlines { get; init; } = DeadlinePolicy.Default;

    public string OutputContainer { get; init; } = "sweep-reports";

    public string LockContainer { get; init; } = "sweep-locks";

    /// <summary>Blob lease length; renewed while the sweep runs (Azure allows 15–60 s).</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(60);

    public static SweepOptions From(IConfiguration configuration)
    {
        var o = new SweepOptions();
        return o with
        {
            Schedule = Setting(configuration, SettingNames.SweepSchedule) ?? o.Schedule,
            Deadlines = DeadlinePolicy.From(Deadline(configuration, SettingNames.SweepDepartmentDeadline), Deadline(configuration, SettingNames.SweepGovernmentDeadline)),
            OutputContainer = Setting(configuration, SettingNames.SweepOutputContainer) ?? o.OutputContainer,
            LockContainer = Setting(configuration, SettingNames.SweepLockContainer) ?? o.LockContainer,
        };
    }

    /// <summary>A deadline setting, checked here so that a bad value stops the host naming the setting, not just the value.</summary>
    private static string? Deadline(IConfiguration configuration, string name)
    {
        var value = Setting(configuration, name);
        try
        {
            _ = DeadlinePolicy.From(value, null);
            return value;
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"{name}: {e.Message}", e);
        }
    }

    /// <summary>A setting by its SettingNames name ('__' is ':' in IConfiguration); blank counts as unset.</summary>
    public static string? Setting(IConfiguration configuration, string name) =>
        configuration[name.Replace("__", ":", StringComparison.Ordinal)] is { Length: > 0 } v ? v : null;

    /// <summary>The year a scheduled sweep covers: the previous calendar year in Beijing time.</summary>
    public static int YearToSweep(DateTimeOffset now) => now.ToOffset(DeadlinePolicy.ChinaOffset).Year - 1;
}
