using Disclosure.Pipeline;
using Disclosure.Pipeline.Configuration;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Disclosure.Functions;

/// <summary>
/// Yearly compliance sweep. The NCRONTAB schedule comes from the app setting Sweep__Schedule (%...% binding
/// expression, as in the Functions timer quickstart); the default in infra is 1 April 02:00 UTC, after the
/// 31 March deadline for last year's reports.
/// </summary>
public sealed class AnnualSweep(SweepService sweep, TimeProvider time, ILogger<AnnualSweep> logger)
{
    public const string Schedule = "%" + SettingNames.SweepSchedule + "%";

    [Function(nameof(AnnualSweep))]
    public async Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        // Reports about year Y are due in the first quarter of Y+1, so the sweep run in year Y+1 audits year Y.
        var year = time.GetUtcNow().Year - 1;
        FunctionsLog.SweepStarting(logger, year, timer.IsPastDue);
        await sweep.RunAsync(year, cancellationToken);
    }
}
