using System.Globalization;
using System.Text;
using Disclosure.Core.Contract;
using Disclosure.Pipeline.Cosmos;
using Disclosure.Pipeline.Processing;
using Disclosure.Sweep;

namespace Disclosure.Testing.Sweep;

/// <summary>
/// Stores a <see cref="SweepScenario"/> the way the pipeline stores real reports: the registry of the sweep year, and one
/// `results` document per report built by the pipeline's own <see cref="ResultDocuments.Build"/> under the pipeline's
/// ids (<see cref="DocumentKeys"/>), each year recorded in the year index. For the integration tests, the benchmark and
/// demonstrations; never used by the sweep itself.
/// </summary>
public static class SweepScenarioSeeder
{
    /// <summary>Point writes in flight at once: enough to keep the emulator busy without queueing thousands of requests.</summary>
    private const int Parallelism = 16;

    public static async Task SeedAsync(IResultStore results, IRegistryStore registry, SweepScenario scenario, CancellationToken cancellationToken = default)
    {
        // The registry first: its store creates the sweep's containers (results included) on the local emulator.
        await registry.ReplaceAsync(scenario.Year, scenario.Registry, cancellationToken).ConfigureAwait(false);
        var reports = scenario.LastYear.Select(r => (Report: r, Year: scenario.Year - 1)).Concat(scenario.ThisYear.Select(r => (Report: r, Year: scenario.Year)));
        await Parallel.ForEachAsync(reports, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (item, ct) => await results.UpsertAsync(ToResultDocument(item.Report, item.Year), ct).ConfigureAwait(false)).ConfigureAwait(false);
        foreach (var year in new[] { scenario.Year - 1, scenario.Year })
        {
            await results.RecordYearAsync(DocumentKeys.YearKey(year), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The `results` document the pipeline would store for this synthetic report of <paramref name="year"/>.</summary>
    public static System.Text.Json.Nodes.JsonObject ToResultDocument(StoredReportSummary report, int year)
    {
        var sha = DocumentKeys.Sha256Hex(Encoding.UTF8.GetBytes("synthetic:" + report.BlobName));
        var failed = report.Status == ResultStatus.Failed;
        var result = new ReportResult
        {
            Source = new SourceInfo(report.BlobName, sha, Path.GetExtension(report.BlobName).TrimStart('.') is { Length: > 0 } ext ? ext : "txt", null, false),
            Report = new ReportInfo(report.Agency, failed && report.Agency is null ? null : year, report.Template)
            {
                Published = report.PublishedAt?.ToOffset(DeadlinePolicy.ChinaOffset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
            Cells = report.Cells,
            Findings = report.Findings,
            Status = report.Status,
            Error = failed ? "无法识别报告内容 (unreadable)" : null,
            ErrorCode = failed ? "UNREADABLE" : null,
            Narrative = report.Narrative.Count > 0 ? report.Narrative : null,
        };

        // Uploaded when published; processed a day later (what the sweep reads is the report's own date).
        var blob = new BlobRef(report.BlobName, "0x" + sha[..16].ToUpperInvariant(), 0, report.PublishedAt);
        var docKey = DocumentKeys.DocKey(report.BlobName);
        // Partition = the year the scenario files the report under (an unreadable report keeps its year, as the sweep expects).
        return ResultDocuments.Build(result, blob, docKey, DocumentKeys.YearKey(year), (report.PublishedAt ?? DateTimeOffset.UnixEpoch).AddDays(1));
    }
}
