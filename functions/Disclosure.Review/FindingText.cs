using System.Text.RegularExpressions;
using Disclosure.Core.Contract;

namespace Disclosure.Review;

/// <summary>Findings in plain language: a short title per code, messages with every key replaced by the cell's official name, worked sums.</summary>
public static partial class FindingText
{
    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        [FindingCodes.T3RowTotal] = "表3 一行的总计与各类申请人之和不符",
        [FindingCodes.T3ResultsTotal] = "表3 “（七）总计”与办理结果之和不符",
        [FindingCodes.T3Balance] = "表3 勾稽关系不成立（一 + 二 ≠ （七） + 四）",
        [FindingCodes.T4Total] = "表4 总计与各结果之和不符",
        [FindingCodes.NegativeValue] = "件数为负数",
        [FindingCodes.NonInteger] = "件数不是整数",
        [FindingCodes.MissingSection] = "缺少报告的一个部分",
        [FindingCodes.MissingTable] = "缺少统一格式的表格",
        [FindingCodes.IncompleteTable] = "表格不完整（缺行或缺单元格）",
        [FindingCodes.TemplateOutdated] = "使用的格式版本与年度不符",
        [FindingCodes.TemplateDeviation] = "表格偏离统一格式",
        [FindingCodes.BlankCell] = "单元格未填写数字",
        [FindingCodes.NarrativeMismatch] = "“总体情况”中的数字与表格不一致",
        [FindingCodes.UnitSuspect] = "金额单位存疑",
        [FindingCodes.ExtractionUncertain] = "识别存疑：请对照原件核对",
        [FindingCodes.CarryoverMismatch] = "上年结转与上一年度报告的结转下年度不符",
        [FindingCodes.InForceMismatch] = "现行有效件数与上一年度不衔接",
        [FindingCodes.LateReport] = "报告发布晚于法定期限",
        [FindingCodes.MissingReport] = "未发布年度报告",
        ["COPIED_TEXT"] = "正文与上一年度报告雷同",
        ["EMPTY_SECTION"] = "叙述部分为空或仅有模板占位文字",
        ["FEE_STATEMENT_MISSING"] = "第六部分未说明信息处理费收取情况",
    };

    public static string Title(Finding finding) => Titles.GetValueOrDefault(finding.Code, finding.Code);

    /// <summary>The severity as a word with an icon, so colour is never the only signal.</summary>
    public static (string Icon, string Word) Severity(Finding finding) => finding.Code == FindingCodes.ExtractionUncertain
        ? ("？", "存疑")
        : finding.Severity switch
        {
            Core.Contract.Severity.Error => ("✖", "错误"),
            Core.Contract.Severity.Warning => ("⚠", "警告"),
            _ => ("ℹ", "说明"),
        };

    /// <summary>The engine's message with every canonical key replaced by the cell's official name.</summary>
    public static string Message(string message) => KeyPattern().Replace(message, m => OfficialTables.Name(m.Value));

    /// <summary>
    /// The sum as a small worked line, from the cells the finding names and their values:
    /// <c>7 + 1 + 0 + 0 + 3 + 0 = 11，表中填报 0</c>. Null for findings that are not arithmetic.
    /// </summary>
    public static string? WorkedSum(Finding finding, IReadOnlyDictionary<string, decimal?> cells)
    {
        string V(string key) => cells.GetValueOrDefault(key) is { } v ? CellMarks.Number(v) : "空";
        decimal Sum(IEnumerable<string> keys) => keys.Sum(k => cells.GetValueOrDefault(k) ?? 0m);

        switch (finding.Code)
        {
            case FindingCodes.T3RowTotal or FindingCodes.T3ResultsTotal or FindingCodes.T4Total:
            {
                var total = finding.Cells.Where(IsTotal(finding.Code)).ToList();
                var parts = finding.Cells.Where(k => !IsTotal(finding.Code)(k)).ToList();
                if (total.Count != 1 || parts.Count == 0)
                {
                    return null;
                }

                return $"{string.Join(" + ", parts.Select(V))} = {CellMarks.Number(Sum(parts))}，表中填报 {V(total[0])}";
            }

            case FindingCodes.T3Balance:
            {
                var left = finding.Cells.Where(k => k.Contains(".new_received.", StringComparison.Ordinal) || k.Contains(".carried_over.", StringComparison.Ordinal)).ToList();
                var right = finding.Cells.Where(k => k.Contains(".results_total.", StringComparison.Ordinal) || k.Contains(".carried_forward.", StringComparison.Ordinal)).ToList();
                if (left.Count != 2 || right.Count != 2)
                {
                    return null;
                }

                return $"一、本年新收 {V(left[0])} + 二、上年结转 {V(left[1])} = {CellMarks.Number(Sum(left))}；" +
                       $"（七）总计 {V(right[0])} + 四、结转下年度 {V(right[1])} = {CellMarks.Number(Sum(right))}，两边应相等";
            }

            default:
                return null;
        }
    }

    private static Func<string, bool> IsTotal(string code) => code switch
    {
        FindingCodes.T3ResultsTotal => k => k.StartsWith("t3.results_total.", StringComparison.Ordinal),
        _ => k => k.EndsWith(".total", StringComparison.Ordinal),
    };

    [GeneratedRegex(@"\bt[234]\.[a-z_]+\.[a-z_]+\b")]
    private static partial Regex KeyPattern();
}
