using Disclosure.Sweep;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NCrontab;

namespace Disclosure.Pipeline.Sweep;

/// <summary>
/// The local host's counterpart of the timer-triggered function: the same NCRONTAB schedule (Sweep__Schedule, six
/// fields, UTC), evaluated on the injected <see cref="TimeProvider"/>. Each occurrence sweeps the previous year.
/// </summary>
public sealed partial class SweepScheduler(SweepRunner runner, SweepOptions options, TimeProvider time, ILogger<SweepScheduler> logger) : BackgroundService
{
    /// <summary>Parses a schedule in the Functions form (with seconds); five-field expressions are accepted too.</summary>
    public static CrontabSchedule Parse(string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 });
    }

    /// <summary>The next occurrence strictly after <paramref name="now"/>, in UTC.</summary>
    public static DateTimeOffset Next(CrontabSchedule schedule, DateTimeOffset now) =>
        new(DateTime.SpecifyKind(schedule.GetNextOccurrence(now.UtcDateTime), DateTimeKind.Utc));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = Parse(options.Schedule);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = Next(schedule, now);
            LogNext(logger, next, SweepOptions.YearToSweep(next));
            try
            {
                // Long waits are cut into one-day steps so a changed clock (tests, suspend/resume) is noticed.
                while (time.GetUtcNow() < next)
                {
                    var wait = next - time.GetUtcNow();
                    await Task.Delay(wait > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : wait, time, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var year = SweepOptions.YearToSweep(next);
            try
            {
                var result = await runner.RunAsync(year, stoppingToken).ConfigureAwait(false);
                LogRan(logger, year, result.Status);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // A failed sweep must not stop the host; the next occurrence tries again.
                LogFailed(logger, ex, year);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Next scheduled sweep at {Next:u} (year {Year})")]
    private static partial void LogNext(ILogger logger, DateTimeOffset next, int year);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled sweep of {Year}: {Status}")]
    private static partial void LogRan(ILogger logger, int year, SweepRunStatus status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled sweep of {Year} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, int year);
}
