using System.Globalization;
using Disclosure.Core.Contract;
using Disclosure.Pipeline.Processing;

namespace Disclosure.Pipeline.Alerts;

/// <summary>Pure rule: which report results raise an alert, and what it says.</summary>
public static class ReportAlerts
{
    /// <summary>One alert for a failed report, one for a report whose findings reach <paramref name="minSeverity"/>, else null.</summary>
    public static AlertDocument? For(ReportResult result, string blobName, string docKey, string resultPk, Severity minSeverity, DateTimeOffset now)
    {
        var id = DocumentKeys.ReportAlertId(docKey, result.Source.Sha256);
        var agency = result.Report.Agency;
        var year = result.Report.Year;
        var label = agency is null ? blobName : $"{agency} {year?.ToString(CultureInfo.InvariantCulture) ?? "?"} 年度报告";

        if (result.Status == ResultStatus.Failed)
        {
            return new AlertDocument
            {
                Id = id,
                Pk = resultPk,
                EventType = AlertEventTypes.ReportFailed,
                Severity = Severity.Error,
                Code = result.ErrorCode ?? "FAILED",
                Title = "年度报告处理失败",
                Message = $"{label}：处理失败（{result.ErrorCode}）：{result.Error}",
                BlobName = blobName,
                ResultId = docKey,
                Agency = agency,
                Year = year,
                CreatedAt = now,
            };
        }

        var raised = result.Findings.Where(f => f.Severity >= minSeverity).ToList();
        if (raised.Count == 0)
        {
            return null;
        }

        var max = raised.Max(f => f.Severity);
        return new AlertDocument
        {
            Id = id,
            Pk = resultPk,
            EventType = AlertEventTypes.ReportFindingsRaised,
            Severity = max,
            Code = "FINDINGS",
            Title = "年度报告存在数据问题",
            Message = $"{label}：发现 {raised.Count} 处问题（{string.Join("、", raised.Select(f => f.Code).Distinct(StringComparer.Ordinal))}）",
            BlobName = blobName,
            ResultId = docKey,
            Agency = agency,
            Year = year,
            Findings = raised.Select(f => new AlertFinding(f.Code, f.Severity, f.Message, f.Cells)).ToList(),
            CreatedAt = now,
        };
    }
}
