using System.Globalization;
using CsvHelper;
using Disclosure.Core.Comparison;
using Disclosure.Core.Contract;

namespace Disclosure.Sweep;

/// <summary>The per-agency status table of a sweep as CSV (UTF-8 with BOM so that spreadsheet programs show Chinese).</summary>
public static class SweepCsv
{
    public static readonly string[] Header =
    [
        "agency_id", "agency_name", "region", "level", "status", "deadline", "published", "days_late", "report_blob",
        "reported_name", "report_count", "carryover_mismatch", "in_force_mismatch", "open_errors", "template_outdated", "findings",
        "text_clusters",
    ];

    public static string Write(SweepOutcome outcome)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        // Cluster ids of each agency with the section they share (T3:一), the clusters themselves are in the summary and HTML.
        var clusters = outcome.Summary.TextClusters
            .SelectMany(c => c.Agencies.Select(a => (a.AgencyId, Label: $"{c.Id}:{TextReuse.Numeral(c.Section)}")))
            .ToLookup(x => x.AgencyId, x => x.Label, StringComparer.Ordinal);
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions { Injection = CsvInjection.Escape }, false))
        {
            csv.WriteRecord(Header);
            foreach (var s in outcome.Agencies.OrderBy(a => a.Agency.Id, StringComparer.Ordinal))
            {
                csv.WriteRecord(
                [
                    s.Agency.Id,
                    s.Agency.Name,
                    s.Agency.Region,
                    s.Agency.Level == AgencyLevel.Government ? "government" : "department",
                    StateName(s.State),
                    s.Deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    s.PublishedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                    s.DaysLate?.ToString(CultureInfo.InvariantCulture) ?? "",
                    s.Report?.BlobName ?? "",
                    s.Report?.Agency ?? "",
                    s.ReportCount.ToString(CultureInfo.InvariantCulture),
                    s.Has(FindingCodes.CarryoverMismatch) ? "1" : "0",
                    s.Has(FindingCodes.InForceMismatch) ? "1" : "0",
                    s.OpenErrors.ToString(CultureInfo.InvariantCulture),
                    s.TemplateOutdated ? "1" : "0",
                    string.Join(';', s.Findings.Select(f => f.Code).Distinct()),
                    string.Join(';', clusters[s.Agency.Id]),
                ]);
            }
        }

        return "\uFEFF" + writer.ToString();
    }

    public static string StateName(AgencyState state) => state switch
    {
        AgencyState.Missing => "missing",
        AgencyState.Inconsistent => "inconsistent",
        AgencyState.Late => "late",
        _ => "compliant",
    };

    public static string StateLabel(AgencyState state) => state switch
    {
        AgencyState.Missing => "未发布",
        AgencyState.Inconsistent => "跨年度数据不一致",
        AgencyState.Late => "逾期发布",
        _ => "合规",
    };
}
