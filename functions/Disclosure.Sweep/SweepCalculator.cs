using System.Globalization;
using Disclosure.Core.Comparison;
using Disclosure.Core.Contract;

namespace Disclosure.Sweep;

/// <summary>
/// The sweep of one year, as a pure function of the registry and the stored report summaries of year Y and Y−1:
/// MISSING_REPORT, LATE_REPORT, CARRYOVER_MISMATCH (t3.carried_over.* of Y vs t3.carried_forward.* of Y−1),
/// IN_FORCE_MISMATCH (t2.*.in_force of Y vs Y−1 + issued − repealed), open errors and outdated formats.
/// </summary>
public static class SweepCalculator
{
    /// <summary>Codes the sweep itself raises, in display order.</summary>
    public static readonly IReadOnlyList<string> SweepCodes =
        [FindingCodes.MissingReport, FindingCodes.LateReport, FindingCodes.CarryoverMismatch, FindingCodes.InForceMismatch];

    public static IReadOnlyDictionary<string, string> ColumnLabels => CrossYearChecks.ColumnLabels;

    public static SweepOutcome Compute(SweepInput input)
    {
        var matcher = new AgencyNameMatcher(input.Registry);
        var (thisYear, unmatched) = Attribute(matcher, input.ThisYear);
        var (lastYear, _) = Attribute(matcher, input.LastYear);

        var lastPrimary = lastYear.ToDictionary(kv => kv.Key, kv => Primary(kv.Value), StringComparer.OrdinalIgnoreCase);
        var statuses = new List<AgencyStatus>(input.Registry.Count);
        foreach (var agency in input.Registry)
        {
            thisYear.TryGetValue(agency.Id, out var reports);
            statuses.Add(Evaluate(input.Year, agency, reports, lastPrimary.GetValueOrDefault(agency.Id), input.Deadlines));
        }

        var summary = Summarize(input, statuses, unmatched, lastPrimary);
        return new SweepOutcome(input.Year, statuses, summary);
    }

    private static (Dictionary<string, List<StoredReportSummary>> ByAgency, List<UnmatchedReport> Unmatched) Attribute(
        AgencyNameMatcher matcher, IReadOnlyList<StoredReportSummary> reports)
    {
        var byAgency = new Dictionary<string, List<StoredReportSummary>>(StringComparer.OrdinalIgnoreCase);
        var unmatched = new List<UnmatchedReport>();
        foreach (var report in reports)
        {
            var (agency, reason) = matcher.Match(report.BlobName, report.Agency);
            if (agency is null)
            {
                unmatched.Add(new UnmatchedReport(report.BlobName, report.Agency, report.Year, reason ?? "未能匹配单位"));
                continue;
            }

            if (!byAgency.TryGetValue(agency.Id, out var list))
            {
                byAgency[agency.Id] = list = [];
            }

            list.Add(report);
        }

        unmatched.Sort((a, b) => string.CompareOrdinal(a.BlobName, b.BlobName));
        return (byAgency, unmatched);
    }

    /// <summary>When an agency published several reports (corrections), the latest one carries its figures.</summary>
    private static StoredReportSummary Primary(List<StoredReportSummary> reports) => reports
        .OrderByDescending(r => r.PublishedAt ?? DateTimeOffset.MinValue)
        .ThenBy(r => r.BlobName, StringComparer.Ordinal)
        .First();

    private static AgencyStatus Evaluate(int year, Agency agency, List<StoredReportSummary>? reports, StoredReportSummary? last, DeadlinePolicy deadlines)
    {
        var deadline = deadlines.DeadlineFor(agency.Level, year);
        var findings = new List<Finding>();
        if (reports is null || reports.Count == 0)
        {
            findings.Add(new Finding(
                FindingCodes.MissingReport,
                FindingCodes.Severities[FindingCodes.MissingReport],
                $"{agency.Name}（{agency.Id}）未发布{year}年度政府信息公开工作年度报告（法定截止日期{Day(deadline)}）。",
                []));
            return new AgencyStatus { Agency = agency, State = AgencyState.Missing, Deadline = deadline, Findings = findings, HasLastYear = last is not null };
        }

        var primary = Primary(reports);

        // Lateness is judged on the first publication: a later correction does not make a timely report late.
        var published = reports.Where(r => r.PublishedAt.HasValue).Select(r => DeadlinePolicy.PublicationDay(r.PublishedAt!.Value)).DefaultIfEmpty().Min();
        DateOnly? publishedOn = reports.Any(r => r.PublishedAt.HasValue) ? published : null;
        if (publishedOn is { } day && day > deadline)
        {
            var days = day.DayNumber - deadline.DayNumber;
            findings.Add(new Finding(
                FindingCodes.LateReport,
                FindingCodes.Severities[FindingCodes.LateReport],
                $"{agency.Name}{year}年度报告于{Day(day)}发布，晚于法定截止日期{Day(deadline)}，逾期{days}天。",
                [], deadline.DayNumber, day.DayNumber)
            { Detail = primary.BlobName });
        }

        if (last is not null)
        {
            // The same pure comparison the pipeline runs on arrival and `check --previous` runs on a draft.
            findings.AddRange(CrossYearChecks.Compare(agency.Name, year,
                new CrossYearChecks.Side(primary.BlobName, primary.Cells), new CrossYearChecks.Side(last.BlobName, last.Cells)));
        }

        var inconsistent = findings.Any(f => f.Code is FindingCodes.CarryoverMismatch or FindingCodes.InForceMismatch);
        var late = findings.Any(f => f.Code == FindingCodes.LateReport);
        return new AgencyStatus
        {
            Agency = agency,
            State = inconsistent ? AgencyState.Inconsistent : late ? AgencyState.Late : AgencyState.Compliant,
            Deadline = deadline,
            Report = primary,
            PublishedOn = publishedOn,
            ReportCount = reports.Count,
            HasLastYear = last is not null,
            Findings = findings,
            OpenErrors = primary.Findings.Count(f => f.Severity == Severity.Error && !CrossYearChecks.Codes.Contains(f.Code)) + (primary.Status == ResultStatus.Failed ? 1 : 0),
            TemplateOutdated = primary.Findings.Any(f => f.Code == FindingCodes.TemplateOutdated),
        };
    }

    private static SweepSummary Summarize(
        SweepInput input, List<AgencyStatus> statuses, List<UnmatchedReport> unmatched, Dictionary<string, StoredReportSummary> lastYear)
    {
        var regions = statuses
            .GroupBy(s => string.IsNullOrWhiteSpace(s.Agency.Region) ? "（未填地区）" : s.Agency.Region, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Count(g.ToList()), StringComparer.Ordinal);

        var flagged = SweepCodes.ToDictionary(
            code => code,
            code => (IReadOnlyList<string>)statuses.Where(s => s.Has(code)).Select(s => s.Agency.Id).Order(StringComparer.Ordinal).ToList());

        var byType = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var code in SweepCodes)
        {
            byType[code] = flagged[code].Count;
        }

        // Report-level findings of the year's counted reports: how many reports carry each code.
        foreach (var group in statuses.Where(s => s.Report is not null)
                     // Cross-year codes stored on arrival are the sweep's own: counted once, from the sweep's findings.
                     .SelectMany(s => s.Report!.Findings.Select(f => f.Code).Where(c => !CrossYearChecks.Codes.Contains(c)).Distinct())
                     .GroupBy(c => c)
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            byType[group.Key] = byType.GetValueOrDefault(group.Key) + group.Count();
        }

        return new SweepSummary
        {
            Year = input.Year,
            Overall = Count(statuses),
            Regions = regions,
            FindingsByType = byType,
            Flagged = flagged,
            Unmatched = unmatched,
            YearOnYear = YearOnYear(statuses, lastYear),
            ReportsThisYear = input.ThisYear.Count,
            ReportsLastYear = input.LastYear.Count,
            TextClusters = TextClusters.Find(statuses.Where(s => s.Report is not null).Select(s => (s.Agency, s.Report!))),
        };
    }

    private static SweepCounts Count(IReadOnlyCollection<AgencyStatus> statuses) => new()
    {
        Expected = statuses.Count,
        Reported = statuses.Count(s => s.Report is not null),
        Compliant = statuses.Count(s => s.State == AgencyState.Compliant),
        Missing = statuses.Count(s => s.State == AgencyState.Missing),
        Late = statuses.Count(s => s.Has(FindingCodes.LateReport)),
        Inconsistent = statuses.Count(s => s.State == AgencyState.Inconsistent),
        CarryoverMismatch = statuses.Count(s => s.Has(FindingCodes.CarryoverMismatch)),
        InForceMismatch = statuses.Count(s => s.Has(FindingCodes.InForceMismatch)),
        WithOpenErrors = statuses.Count(s => s.OpenErrors > 0),
        TemplateOutdated = statuses.Count(s => s.TemplateOutdated),
    };

    /// <summary>Metrics of table 3 compared across the two years (totals column), over agencies that reported in both.</summary>
    public static readonly IReadOnlyList<(string Metric, string Label, string[] Rows)> YearOnYearMetrics =
    [
        ("new_received", "新收申请", ["new_received"]),
        ("granted", "予以公开", ["granted"]),
        ("partially_granted", "部分公开", ["partially_granted"]),
        ("denied", "不予公开", ["denied_state_secret", "denied_prohibited_by_law", "denied_three_safety", "denied_third_party", "denied_internal_affairs", "denied_process_info", "denied_enforcement_case", "denied_inquiry"]),
        ("unable", "无法提供", ["unable_not_held", "unable_needs_creation", "unable_unclear"]),
        ("rejected", "不予处理", ["rejected_petition", "rejected_duplicate", "rejected_publication", "rejected_excessive", "rejected_confirmation"]),
        ("other", "其他处理", ["other", "other_no_correction", "other_no_fee", "other_other"]),
    ];

    private static List<YearOnYearFigure> YearOnYear(List<AgencyStatus> statuses, Dictionary<string, StoredReportSummary> last)
    {
        var pairs = statuses.Where(s => s.Report is not null && last.ContainsKey(s.Agency.Id))
            .Select(s => (This: s.Report!, Last: last[s.Agency.Id]))
            .ToList();
        return YearOnYearMetrics
            .Select(m => new YearOnYearFigure(
                m.Metric,
                m.Label,
                pairs.Sum(p => Sum(p.Last, m.Rows)),
                pairs.Sum(p => Sum(p.This, m.Rows))))
            .ToList();
    }

    private static decimal Sum(StoredReportSummary report, string[] rows) =>
        rows.Sum(r => Value(report, $"t3.{r}.total") ?? 0m);

    private static decimal? Value(StoredReportSummary report, string key) =>
        report.Cells.TryGetValue(key, out var value) ? value : null;

    private static string Day(DateOnly day) => day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
