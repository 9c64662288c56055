using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Disclosure.Core.Contract;
using Disclosure.Pipeline.Cosmos;
using Microsoft.Azure.Cosmos;

namespace Disclosure.Pipeline.Sweep;

/// <summary>
/// Writes a <see cref="SweepScenario"/> into Cosmos in the storage design's shapes: the registry for the sweep year and
/// one `results` document per report (pk = year, type = result, storage fields + contract fields). For the integration
/// test, the benchmark and demonstrations; never used by the sweep itself.
/// </summary>
public static class SweepScenarioSeeder
{
    public static async Task SeedAsync(CosmosBootstrap cosmos, IRegistryStore registry, SweepScenario scenario, CancellationToken cancellationToken = default)
    {
        await cosmos.EnsureCreatedAsync([CosmosContainers.Results], cancellationToken).ConfigureAwait(false);
        await registry.ReplaceAsync(scenario.Year, scenario.Registry, cancellationToken).ConfigureAwait(false);
        var results = cosmos.Container(CosmosContainers.Results);
        await Parallel.ForEachAsync(
            scenario.LastYear.Select(r => (Report: r, Year: scenario.Year - 1)).Concat(scenario.ThisYear.Select(r => (Report: r, Year: scenario.Year))),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (item, ct) =>
            {
                var doc = ToResultDocument(item.Report, item.Year);
                await results.UpsertItemAsync(doc, new PartitionKey(doc["pk"]!.GetValue<string>()), cancellationToken: ct).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    /// <summary>A `results` document as the pipeline stores it, for a synthetic report.</summary>
    public static JsonObject ToResultDocument(StoredReportSummary report, int year)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("synthetic:" + report.BlobName)));
        var result = new ReportResult
        {
            Source = new SourceInfo(report.BlobName, sha, Path.GetExtension(report.BlobName).TrimStart('.') is { Length: > 0 } ext ? ext : "txt", null, false),
            Report = new ReportInfo(report.Agency, report.Status == ResultStatus.Failed && report.Agency is null ? null : year, report.Template)
            {
                Published = report.PublishedAt?.ToOffset(DeadlinePolicy.ChinaOffset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
            Cells = report.Cells,
            Findings = report.Findings,
            Status = report.Status,
            Error = report.Status == ResultStatus.Failed ? "无法识别报告内容 (unreadable)" : null,
            ErrorCode = report.Status == ResultStatus.Failed ? "UNREADABLE" : null,
            Narrative = report.Narrative.Count > 0 ? report.Narrative : null,
        };

        var doc = new JsonObject
        {
            ["id"] = SweepScenario.DocKey(report.BlobName),
            ["pk"] = year.ToString(CultureInfo.InvariantCulture),
            ["type"] = "result",
            ["blobName"] = report.BlobName,
            ["etag"] = "\"0x" + sha[..16].ToUpperInvariant() + "\"",
            ["contentSha256"] = sha,
            ["processedAt"] = report.PublishedAt?.AddDays(1).ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            ["agencyKey"] = report.Agency is { } a ? AgencyKey(a) : null,
            ["publishedAt"] = result.Report.Published,
            ["uploadedAt"] = report.PublishedAt?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in JsonSerializer.SerializeToNode(result, ResultJson.Options)!.AsObject().ToList())
        {
            doc[key] = value?.DeepClone();
        }

        return doc;
    }

    /// <summary>Storage design: first 32 hex chars of SHA-256 of the NFKC name without whitespace.</summary>
    public static string AgencyKey(string agency)
    {
        var normalized = string.Concat(agency.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)))[..32];
    }
}
