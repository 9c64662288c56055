using Disclosure.Pipeline.Configuration;
using Disclosure.Pipeline.Sweep;
using Disclosure.Sweep;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Disclosure.Functions;

/// <summary>
/// Scheduled compliance sweep. The NCRONTAB schedule comes from the app setting Sweep__Schedule through a %...% binding
/// expression (as in the Functions timer quickstart); infra's default is SweepOptions.DefaultSchedule, 01:00 Beijing
/// time after each legal deadline. The sweep lock (a blob lease) keeps overlapping runs out.
/// </summary>
public sealed class AnnualSweep(SweepRunner sweep, TimeProvider time, ILogger<AnnualSweep> logger)
{
    public const string Schedule = "%" + SettingNames.SweepSchedule + "%";

    [Function(nameof(AnnualSweep))]
    public async Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        // Reports about year Y are due in the first quarter of Y+1 (Beijing time), so a run in Y+1 audits Y.
        var year = SweepOptions.YearToSweep(time.GetUtcNow());
        FunctionsLog.SweepStarting(logger, year, timer.IsPastDue);
        var result = await sweep.RunAsync(year, cancellationToken);
        FunctionsLog.SweepFinished(logger, year, result.Status.ToString(), result.AlertsRaised);
    }
}
