using System.Collections.Concurrent;
using System.Globalization;
using Disclosure.Pipeline.Alerts;
using Disclosure.Sweep;

namespace Disclosure.Pipeline.Sweep;

/// <summary>
/// Sends sweep alerts through the pipeline's alert channel (<see cref="IAlertSink"/>: stored once in `alerts` under a
/// deterministic id, published once as Disclosure.Sweep.AgencyFlagged / Disclosure.Sweep.Completed).
/// </summary>
public sealed class PipelineSweepAlertSink(IAlertSink sink, IAlertStore store, TimeProvider time) : ISweepAlertSink
{
    public async Task<int> ResolveStaleAsync(int year, IReadOnlySet<string> current, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var stored = await store.ListAsync([year.ToString(CultureInfo.InvariantCulture)], null, cancellationToken).ConfigureAwait(false);
        var resolved = 0;
        foreach (var alert in stored.Where(a => a.EventType == AlertEventTypes.SweepAgencyFlagged && a.Status != AlertStatuses.Resolved && !current.Contains(a.Id)))
        {
            resolved += await sink.ResolveAsync(alert, now, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        return resolved;
    }

    public async Task<int> RaiseAsync(IReadOnlyList<SweepAlert> alerts, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var created = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(alerts, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (alert, ct) =>
        {
            var raise = await sink.RaiseAsync(ToDocument(alert, now), ct).ConfigureAwait(false);
            if (raise.Created)
            {
                created.Add(raise.Id);
            }
        }).ConfigureAwait(false);
        return created.Count;
    }

    public static AlertDocument ToDocument(SweepAlert alert, DateTimeOffset now) => new()
    {
        Id = alert.Id,
        Pk = alert.Year.ToString(CultureInfo.InvariantCulture),
        EventType = alert.Code == SweepAlerts.SummaryCode ? AlertEventTypes.SweepCompleted : AlertEventTypes.SweepAgencyFlagged,
        Severity = alert.Severity,
        Code = alert.Code,
        Title = alert.Title,
        Message = alert.Message,
        BlobName = alert.BlobName,
        Agency = alert.Agency is null ? null : $"{alert.Agency}（{alert.AgencyId}）",
        Year = alert.Year,
        Findings = alert.Findings.Select(f => new AlertFinding(f.Code, f.Severity, f.Message, f.Cells)).ToList(),
        CreatedAt = now,
    };
}
