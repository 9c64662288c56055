using System.Text.Json;
using Disclosure.Core.Contract;
using Microsoft.Extensions.Logging;

namespace Disclosure.Sweep;

public enum SweepRunStatus
{
    Completed,

    /// <summary>Another sweep holds the lock; nothing was done.</summary>
    Busy,

    /// <summary>No registry is stored for the year; nothing was done.</summary>
    NoRegistry,
}

/// <summary>What one run did. <see cref="Outcome"/> is null unless completed.</summary>
public sealed record SweepRunResult(SweepRunStatus Status, int Year, SweepOutcome? Outcome, IReadOnlyList<string> Outputs, int AlertsRaised, int AlertsTotal, TimeSpan Elapsed)
{
    public SweepRunTimings? Timings { get; init; }

    /// <summary>Agency alerts of earlier runs whose cause this run no longer finds, now resolved.</summary>
    public int AlertsResolved { get; init; }
}

/// <summary>Seconds spent per stage, for the benchmark.</summary>
public sealed record SweepRunTimings(double Load, double Compute, double Render, double Store, double Alerts);

/// <summary>
/// Runs the sweep of a year end to end: lock, load registry and two years of results, compute, store the summary,
/// write HTML/CSV, raise alerts. The same for the timer function, the local schedule and `disclosure sweep`.
/// </summary>
public sealed partial class SweepRunner(
    IRegistryStore registry,
    ISweepReportSource reports,
    ISweepStore store,
    ISweepLock sweepLock,
    ISweepOutput output,
    ISweepAlertSink alerts,
    DeadlinePolicy deadlines,
    TimeProvider time,
    ILogger<SweepRunner> logger,
    ISweepReviewLinks? reviewLinks = null)
{
    public static readonly JsonSerializerOptions SummaryJson = ResultJson.Indented;

    public async Task<SweepRunResult> RunAsync(int year, CancellationToken cancellationToken = default)
    {
        var started = time.GetTimestamp();
        await using var held = await sweepLock.TryAcquireAsync(cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            LogBusy(logger, year);
            return new SweepRunResult(SweepRunStatus.Busy, year, null, [], 0, 0, time.GetElapsedTime(started));
        }

        LogStarted(logger, year);
        var agencies = await registry.LoadAsync(year, cancellationToken).ConfigureAwait(false);
        if (agencies.Count == 0)
        {
            LogNoRegistry(logger, year);
            return new SweepRunResult(SweepRunStatus.NoRegistry, year, null, [], 0, 0, time.GetElapsedTime(started));
        }

        var thisYearTask = reports.LoadYearAsync(year, cancellationToken);
        var lastYearTask = reports.LoadYearAsync(year - 1, cancellationToken);
        var thisYear = await thisYearTask.ConfigureAwait(false);
        var lastYear = await lastYearTask.ConfigureAwait(false);
        var loaded = time.GetTimestamp();

        var outcome = SweepCalculator.Compute(new SweepInput(year, agencies, thisYear, lastYear, deadlines));
        var computed = time.GetTimestamp();

        var now = time.GetUtcNow();
        var files = new List<SweepFile>
        {
            new($"sweep-{year}.html", "text/html; charset=utf-8", SweepHtmlRenderer.Render(outcome, now, await ReviewLinksAsync(outcome, cancellationToken).ConfigureAwait(false))),
            new($"sweep-{year}.csv", "text/csv; charset=utf-8", SweepCsv.Write(outcome)),
            new($"sweep-{year}.json", "application/json; charset=utf-8", JsonSerializer.Serialize(outcome.Summary, SummaryJson)),
        };
        var rendered = time.GetTimestamp();

        var outputs = await output.WriteAsync(year, files, cancellationToken).ConfigureAwait(false);
        var elapsed = time.GetElapsedTime(started);
        await store.SaveAsync(new SweepRecord(outcome.Summary, now, Math.Round(elapsed.TotalSeconds, 3), outputs), cancellationToken).ConfigureAwait(false);
        var stored = time.GetTimestamp();

        var alertList = SweepAlerts.Build(outcome);
        var raised = await alerts.RaiseAsync(alertList, cancellationToken).ConfigureAwait(false);
        var resolved = await alerts.ResolveStaleAsync(year, alertList.Select(a => a.Id).ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
        var done = time.GetTimestamp();

        var o = outcome.Summary.Overall;
        LogCompleted(logger, year, o.Expected, o.Missing, o.Late, o.CarryoverMismatch, o.InForceMismatch, outcome.Summary.Unmatched.Count, raised, resolved);
        return new SweepRunResult(SweepRunStatus.Completed, year, outcome, outputs, raised, alertList.Count, time.GetElapsedTime(started))
        {
            AlertsResolved = resolved,
            Timings = new SweepRunTimings(
                Seconds(started, loaded), Seconds(loaded, computed), Seconds(computed, rendered), Seconds(rendered, stored), Seconds(stored, done)),
        };
    }

    /// <summary>Links to the review pages of the agencies' reports (pages are named from the result id and content hash).</summary>
    private async Task<IReadOnlyDictionary<string, string>?> ReviewLinksAsync(SweepOutcome outcome, CancellationToken ct)
    {
        if (reviewLinks is null)
        {
            return null;
        }

        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var report in outcome.Agencies.Select(a => a.Report).OfType<StoredReportSummary>().Where(r => r.ContentSha256 is { Length: > 0 }))
        {
            links[report.Id] = (await reviewLinks.LinkAsync(report.Id, report.ContentSha256!, ct).ConfigureAwait(false)).AbsoluteUri;
        }

        return links;
    }

    private double Seconds(long from, long to) => Math.Round(time.GetElapsedTime(from, to).TotalSeconds, 3);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep {Year}: started")]
    private static partial void LogStarted(ILogger logger, int year);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep {Year}: another sweep holds the lock; skipped")]
    private static partial void LogBusy(ILogger logger, int year);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep {Year}: no agency registry stored for the year; import one with `disclosure registry import`")]
    private static partial void LogNoRegistry(ILogger logger, int year);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Sweep {Year}: {Expected} agencies, {Missing} missing, {Late} late, {Carryover} carry-over and {InForce} in-force mismatches, {Unmatched} unmatched reports; {Raised} new alerts, {Resolved} resolved")]
    private static partial void LogCompleted(ILogger logger, int year, int expected, int missing, int late, int carryover, int inForce, int unmatched, int raised, int resolved);
}

