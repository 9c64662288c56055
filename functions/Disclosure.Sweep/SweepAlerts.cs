using System.Globalization;
using Disclosure.Core.Contract;

namespace Disclosure.Sweep;

/// <summary>
/// One alert a sweep raises. Ids are deterministic ("sweep-{year}-{code}-{agencyId}", "sweep-{year}-summary") so a
/// repeated sweep replaces rather than duplicates them (storage design: `alerts` container, pk = year).
/// </summary>
public sealed record SweepAlert(
    string Id,
    int Year,
    string Code,
    Severity Severity,
    string Title,
    string Message,
    string? AgencyId,
    string? Agency,
    string? BlobName,
    IReadOnlyList<Finding> Findings);

/// <summary>Builds the alerts of a sweep: one per agency and sweep code, plus one summary.</summary>
public static class SweepAlerts
{
    public const string SummaryCode = "SWEEP_SUMMARY";

    public static string AgencyAlertId(int year, string code, string agencyId) => $"sweep-{year}-{code}-{agencyId}";

    public static string SummaryAlertId(int year) => $"sweep-{year}-summary";

    public static IReadOnlyList<SweepAlert> Build(SweepOutcome outcome)
    {
        var alerts = new List<SweepAlert>();
        foreach (var status in outcome.Agencies.OrderBy(a => a.Agency.Id, StringComparer.Ordinal))
        {
            foreach (var group in status.Findings.GroupBy(f => f.Code))
            {
                var findings = group.ToList();
                var title = group.Key switch
                {
                    FindingCodes.MissingReport => $"{status.Agency.Name}未发布{outcome.Year}年度报告",
                    FindingCodes.LateReport => $"{status.Agency.Name}{outcome.Year}年度报告逾期发布",
                    FindingCodes.CarryoverMismatch => $"{status.Agency.Name}{outcome.Year}年度报告上年结转数与上年报告不一致",
                    FindingCodes.InForceMismatch => $"{status.Agency.Name}{outcome.Year}年度报告现行有效件数与上年报告不衔接",
                    _ => $"{status.Agency.Name}{outcome.Year}年度报告：{group.Key}",
                };
                alerts.Add(new SweepAlert(
                    AgencyAlertId(outcome.Year, group.Key, status.Agency.Id),
                    outcome.Year,
                    group.Key,
                    findings.Max(f => f.Severity),
                    title,
                    string.Join("\n", findings.Select(f => f.Message)),
                    status.Agency.Id,
                    status.Agency.Name,
                    status.Report?.BlobName,
                    findings));
            }
        }

        var o = outcome.Summary.Overall;
        var message = string.Create(CultureInfo.InvariantCulture,
            $"{outcome.Year}年度年报检查：应报{o.Expected}家，已报{o.Reported}家，未发布{o.Missing}家，逾期{o.Late}家，" +
            $"结转数不一致{o.CarryoverMismatch}家，现行有效件数不衔接{o.InForceMismatch}家，存在错误的报告{o.WithOpenErrors}份，" +
            $"使用过时模板{o.TemplateOutdated}份，无法匹配单位的报告{outcome.Summary.Unmatched.Count}份；合规率{o.ComplianceRate:0.0}%。");
        alerts.Add(new SweepAlert(
            SummaryAlertId(outcome.Year),
            outcome.Year,
            SummaryCode,
            o.Missing > 0 || o.CarryoverMismatch > 0 ? Severity.Error : o.Late > 0 || o.InForceMismatch > 0 ? Severity.Warning : Severity.Info,
            $"{outcome.Year}年度政府信息公开工作年度报告检查汇总",
            message,
            null,
            null,
            null,
            []));
        return alerts;
    }
}
