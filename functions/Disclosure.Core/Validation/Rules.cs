using Disclosure.Core.Contract;
using Disclosure.Core.Extraction;
using Disclosure.Core.Vocabulary;

namespace Disclosure.Core.Validation;

/// <summary>A single-report rule: its code, what it checks (for the README and `disclosure rules`), and its evaluation.</summary>
public sealed record ValidationRule(string Code, string Description, Func<ExtractedReport, IEnumerable<Finding>> Evaluate);

/// <summary>
/// An arithmetic identity as data: sum(Left) must equal sum(Right). Keys in <see cref="Optional"/> may be absent
/// (a column the report's table lacks); any other absent or blank key means the identity is not checked — the
/// missing or blank cell is the finding then (report-contract.md §4, last line).
/// </summary>
public sealed record SumIdentity(string Code, IReadOnlyList<string> Left, IReadOnlyList<string> Right, string Subject)
{
    public IReadOnlySet<string> Optional { get; init; } = new HashSet<string>();
}

/// <summary>Every single-report rule, in one place.</summary>
public static class RuleCatalog
{
    public static IReadOnlyList<ValidationRule> All { get; } =
    [
        new(FindingCodes.T3RowTotal, "表3每行总计 = 六类申请人之和", r => Check(r, RowTotals(r))),
        new(FindingCodes.T3ResultsTotal, "表3每列（七）总计 = （一）至（六）之和", r => Check(r, ResultsTotals(r))),
        new(FindingCodes.T3Balance, "表3每列 一 + 二 = （七）总计 + 四", r => Check(r, Balances(r))),
        new(FindingCodes.T4Total, "表4每组总计 = 维持 + 纠正 + 其他 + 尚未审结", r => Check(r, Table4Totals())),
        new(FindingCodes.NegativeValue, "计数不得为负（本年增/减除外）", NegativeValues),
        new(FindingCodes.NonInteger, "计数必须为整数", NonIntegers),
        new(FindingCodes.BlankCell, "统一格式要求的单元格不得为空或占位符", BlankCells),
        new(FindingCodes.TemplateOutdated, "2021年及以后的报告须使用2021年版格式（反之亦然）", OutdatedTemplate),
        new(FindingCodes.UnitSuspect, "金额须以万元为单位并注明", UnitSuspects),
        new(FindingCodes.NarrativeMismatch, "总体情况中的数字须与表格一致", NarrativeMismatches),
        new(FindingCodes.ExtractionUncertain, "OCR 读出的表格不满足勾稽关系时，涉及的单元格标为识别不确定", OcrInconsistencies),
        new(FindingCodes.ExtractionUncertain, "勾稽关系不成立且涉及读数不确定的单元格时，不作差错认定，只提示核对这些单元格", DoubtfulIdentities),
        .. NarrativeRules.All,
    ];

    /// <summary>
    /// A broken identity that involves a doubtful reading is not an accusation: it may be the reading that is wrong.
    /// One EXTRACTION_UNCERTAIN per table names the doubtful cells of every such identity.
    /// </summary>
    /// <summary>The words that mark a broken identity reported as doubtful rather than as an error (for scoring tools).</summary>
    public const string DoubtfulIdentityMarker = "的勾稽关系不成立，但其中";

    private static IEnumerable<Finding> DoubtfulIdentities(ExtractedReport r)
    {
        var identities = RowTotals(r).Concat(ResultsTotals(r)).Concat(Balances(r)).Concat(Table4Totals());
        var broken = Broken(r, identities).Where(b => b.Doubtful).ToList();
        foreach (var table in broken.GroupBy(b => b.Identity.Left[0][..2]))
        {
            var doubtful = table.SelectMany(b => b.Cells.Where(r.UncertainCells.Contains)).Distinct().OrderBy(CanonicalKeys.Order).ToList();
            var subjects = string.Join("、", table.Select(b => b.Identity.Subject).Distinct().Take(3)) + (table.Count() > 3 ? "等" : "");
            yield return Create(FindingCodes.ExtractionUncertain,
                $"表{table.Key[1]}{subjects}{DoubtfulIdentityMarker} {doubtful.Count} 个单元格读数不确定（{string.Join("、", doubtful.Take(8))}{(doubtful.Count > 8 ? "…" : "")}），可能是读数有误而非填报差错，请先对照原件核对这些单元格。",
                doubtful);
        }
    }

    /// <summary>
    /// On an OCR'd document a broken identity is as likely a misread as a reporting error: the cells involved are
    /// flagged for checking against the original, beside the arithmetic finding itself.
    /// </summary>
    private static IEnumerable<Finding> OcrInconsistencies(ExtractedReport r)
    {
        if (!r.Ocr)
        {
            yield break;
        }

        var identities = RowTotals(r).Concat(ResultsTotals(r)).Concat(Balances(r)).Concat(Table4Totals());
        var cells = Broken(r, identities).SelectMany(b => b.Cells).Distinct().ToList();
        if (cells.Count > 0)
        {
            yield return Create(FindingCodes.ExtractionUncertain,
                $"扫描件经 OCR 识别后，表格有 {cells.Count} 个单元格参与的勾稽关系不成立，可能是识别错误，请对照原件核对这些单元格。", cells);
        }

        // On a scan an empty cell may be ink OCR did not read, not a blank in the report.
        var blanks = r.Cells.Values.Where(c => !c.HasValue && !r.UncertainCells.Contains(c.Key)).Select(c => c.Key).ToList();
        if (blanks.Count > 0)
        {
            yield return Create(FindingCodes.ExtractionUncertain,
                $"扫描件中有 {blanks.Count} 个单元格未识别出数字，可能是原表空白，也可能是漏识别，请对照原件核对。", blanks);
        }
    }

    public static IEnumerable<SumIdentity> RowTotals(ExtractedReport r) =>
        Table3RowKeys(r).Select(row => new SumIdentity(FindingCodes.T3RowTotal,
            [$"t3.{row}.total"],
            CanonicalKeys.Table3Parts.Select(c => $"t3.{row}.{c}").ToList(),
            $"表3“{TemplateCatalog.Table3RowLabel(row)}”行")
        {
            Optional = CanonicalKeys.Table3Parts.Select(c => $"t3.{row}.{c}").ToHashSet(),
        });

    public static IEnumerable<SumIdentity> ResultsTotals(ExtractedReport r) =>
        CanonicalKeys.Table3Columns.Select(c => new SumIdentity(FindingCodes.T3ResultsTotal,
            [$"t3.results_total.{c}"],
            Outcomes(r).Select(o => $"t3.{o}.{c}").ToList(),
            $"表3“{TemplateCatalog.ColumnLabel(c)}”列"));

    public static IEnumerable<SumIdentity> Balances(ExtractedReport r) =>
        CanonicalKeys.Table3Columns.Select(c => new SumIdentity(FindingCodes.T3Balance,
            [$"t3.new_received.{c}", $"t3.carried_over.{c}"],
            [$"t3.results_total.{c}", $"t3.carried_forward.{c}"],
            $"表3“{TemplateCatalog.ColumnLabel(c)}”列"));

    public static IEnumerable<SumIdentity> Table4Totals() =>
        CanonicalKeys.Table4Groups.Select(g => new SumIdentity(FindingCodes.T4Total,
            [$"t4.{g}.total"],
            new[] { "upheld", "corrected", "other", "pending" }.Select(c => $"t4.{g}.{c}").ToList(),
            $"表4“{GroupLabel(g)}”"));

    private static IEnumerable<string> Outcomes(ExtractedReport r) =>
        r.Tables.TryGetValue(3, out var t) && t.Template == TemplateForm.V2021 ? CanonicalKeys.Table3Outcomes2021 : CanonicalKeys.Table3Outcomes2019;

    private static IEnumerable<string> Table3RowKeys(ExtractedReport r) =>
        r.Cells.Keys.Where(k => k.StartsWith("t3.", StringComparison.Ordinal)).Select(k => k.Split('.')[1]).Distinct();

    /// <summary>Arithmetic findings: only identities broken on cells read with confidence (the others are <see cref="DoubtfulIdentities"/>).</summary>
    private static IEnumerable<Finding> Check(ExtractedReport report, IEnumerable<SumIdentity> identities) =>
        Broken(report, identities).Where(b => !b.Doubtful)
            .Select(b => Create(b.Identity.Code, Message(b.Identity, b.Left, b.Right), b.Cells, b.Right, b.Left));

    private sealed record BrokenIdentity(SumIdentity Identity, decimal Left, decimal Right, IReadOnlyList<string> Cells, bool Doubtful);

    /// <summary>Identities whose sides differ, every cell present and filled; doubtful when a cell's reading is uncertain.</summary>
    private static IEnumerable<BrokenIdentity> Broken(ExtractedReport report, IEnumerable<SumIdentity> identities)
    {
        foreach (var identity in identities)
        {
            var keys = identity.Left.Concat(identity.Right).ToList();
            if (keys.Any(k => !identity.Optional.Contains(k) && !report.Cells.ContainsKey(k)))
            {
                continue;
            }

            if (keys.Any(k => report.Cells.TryGetValue(k, out var c) && !c.HasValue))
            {
                continue;
            }

            var left = identity.Left.Sum(k => report.Value(k) ?? 0m);
            var right = identity.Right.Sum(k => report.Value(k) ?? 0m);
            if (left == right)
            {
                continue;
            }

            var present = keys.Where(report.Cells.ContainsKey).ToList();
            yield return new BrokenIdentity(identity, left, right, present, present.Any(report.UncertainCells.Contains));
        }
    }

    private static string Message(SumIdentity identity, decimal left, decimal right) => identity.Code switch
    {
        FindingCodes.T3RowTotal => $"{identity.Subject}：总计填报 {left}，但各类申请人之和为 {right}，请核对该行数据。",
        FindingCodes.T3ResultsTotal => $"{identity.Subject}：（七）总计填报 {left}，但办理结果（一）至（六）之和为 {right}，请核对。",
        FindingCodes.T3Balance => $"{identity.Subject}：“一、本年新收”加“二、上年结转”为 {left}，而“（七）总计”加“四、结转下年度继续办理”为 {right}，不符合表中注明的勾稽关系，请核对。",
        _ => $"{identity.Subject}：总计填报 {left}，但结果维持、结果纠正、其他结果、尚未审结之和为 {right}，请核对。",
    };

    // Read by OCR, an impossible count (negative, fractional) is more likely a misread or a value from the next column
    // (lo-33-005-err: the procurement amount 530.31 read under 项目数) than the agency's error: a doubtful reading then.
    private static IEnumerable<Finding> NegativeValues(ExtractedReport r) =>
        r.Cells.Values.Where(c => c.Value < 0 && !CanonicalKeys.MayBeNegative(c.Key) && !r.UncertainCells.Contains(c.Key))
            .Select(c => r.Ocr
                ? Create(FindingCodes.ExtractionUncertain, $"扫描件中单元格 {c.Key} 读出负数 {c.Value}（原文“{c.Raw}”），计数不能为负，可能是识别错误，请对照原件核对。", [c.Key], null, c.Value)
                : Create(FindingCodes.NegativeValue, $"单元格 {c.Key} 为负数 {c.Value}（原文“{c.Raw}”），计数不能为负，请更正。", [c.Key], null, c.Value));

    private static IEnumerable<Finding> NonIntegers(ExtractedReport r) =>
        r.Cells.Values.Where(c => c.Value is { } v && v != decimal.Truncate(v) && !CanonicalKeys.IsAmount(c.Key) && !r.UncertainCells.Contains(c.Key))
            .Select(c => r.Ocr
                ? Create(FindingCodes.ExtractionUncertain, $"扫描件中单元格 {c.Key} 读出 {c.Value}（原文“{c.Raw}”），件数、项数应为整数，可能是识别错误或错列，请对照原件核对。", [c.Key], null, c.Value)
                : Create(FindingCodes.NonInteger, $"单元格 {c.Key} 为 {c.Value}（原文“{c.Raw}”），件数、项数应为整数，请更正。", [c.Key], null, c.Value));

    private static IEnumerable<Finding> BlankCells(ExtractedReport r)
    {
        foreach (var table in new[] { "t2", "t3", "t4" })
        {
            var blanks = r.Cells.Values
                .Where(c => c.Key.StartsWith(table + ".", StringComparison.Ordinal) && !c.HasValue && !r.UncertainCells.Contains(c.Key))
                .ToList();
            if (blanks.Count == 0)
            {
                continue;
            }

            var shown = string.Join("、", blanks.Select(b => b.Raw.Length == 0 ? "空白" : $"“{b.Raw}”").Distinct());
            yield return Create(FindingCodes.BlankCell,
                $"表{table[1]}有 {blanks.Count} 个单元格未填写数字（{shown}）。统一格式要求每个单元格填写数字，没有发生的填0。",
                blanks.Select(b => b.Key).ToList());
        }
    }

    private static IEnumerable<Finding> OutdatedTemplate(ExtractedReport r)
    {
        if (r.Report.Year is not { } year)
        {
            yield break;
        }

        var used = r.Tables.Where(t => t.Key is 2 or 3 && t.Value.Present).Select(t => (t.Key, t.Value.Template)).ToList();
        var expected = TemplateForms.Of(TemplateNames.Required(year));
        var wrong = used.Where(u => u.Template != expected).ToList();
        if (wrong.Count > 0)
        {
            var correct = year >= 2021 ? "2021年版（国办公开办函〔2021〕30号）" : "2019年版（国办公开办函〔2019〕60号）";
            yield return Create(FindingCodes.TemplateOutdated,
                $"{year}年度报告应使用{correct}格式，但{string.Join("、", wrong.Select(w => $"表{w.Key}"))}使用了{(wrong.Any(w => w.Template == TemplateForm.Mixed) ? "新旧混合" : wrong[0].Template.Name() + "年版")}格式。",
                []);
        }
    }

    private static IEnumerable<Finding> UnitSuspects(ExtractedReport r)
    {
        foreach (var cell in r.Cells.Values.Where(c => CanonicalKeys.IsAmount(c.Key) && c.Value is { } v && v != 0))
        {
            var unit = r.AmountUnits.GetValueOrDefault(cell.Key);
            var reasons = new List<string>();
            if (unit is null)
            {
                // The 2019 format prints 采购总金额 without a unit: an amount read there may be 元 or 万元.
                reasons.Add(cell.Key == "t2.procurement.amount" ? "表头“采购总金额”未注明单位（2019年版格式未印单位），无法确定是否以万元填报" : "表头未注明单位");
            }
            else if (unit == "元")
            {
                reasons.Add("表头单位为“元”，统一格式要求“万元”");
            }

            if (cell.Value >= 1_000_000m)
            {
                reasons.Add($"数值 {cell.Value} 万元（即{cell.Value / 10000m:0.##}亿元）明显偏大，疑似按“元”填报");
            }

            if (reasons.Count > 0)
            {
                yield return Create(FindingCodes.UnitSuspect, $"单元格 {cell.Key}：{string.Join("；", reasons)}。请确认金额单位为万元。", [cell.Key], null, cell.Value);
            }
        }
    }

    private static IEnumerable<Finding> NarrativeMismatches(ExtractedReport r)
    {
        var checks = new (string Topic, string What, decimal?[] Accepted, string[] Cells)[]
        {
            (NarrativeTopics.Applications, "政府信息公开申请数",
                [r.Value("t3.new_received.total"), Add(r.Value("t3.new_received.total"), r.Value("t3.carried_over.total")),
                 r.Value("t3.results_total.total"), Add(r.Value("t3.results_total.total"), r.Value("t3.carried_forward.total"))],
                ["t3.new_received.total", "t3.carried_over.total", "t3.results_total.total"]),
            (NarrativeTopics.Reviews, "行政复议数", [r.Value("t4.review.total")], ["t4.review.total"]),
            (NarrativeTopics.Lawsuits, "行政诉讼数",
                [Add(r.Value("t4.suit_direct.total"), r.Value("t4.suit_after_review.total")), r.Value("t4.suit_direct.total"), r.Value("t4.suit_after_review.total")],
                ["t4.suit_direct.total", "t4.suit_after_review.total"]),
        };

        foreach (var (topic, what, accepted, cells) in checks)
        {
            var stated = r.Narrative.Where(f => f.Topic == topic).ToList();
            var known = accepted.Where(a => a.HasValue).Select(a => a!.Value).ToHashSet();
            if (stated.Count == 0 || known.Count == 0 || stated.Any(s => known.Contains(s.Value)))
            {
                continue;
            }

            var first = stated[0];
            yield return Create(FindingCodes.NarrativeMismatch,
                $"“总体情况”称{what}为 {first.Value}，与表格数据（{string.Join(" / ", known)}）不一致，请核对正文或表格。",
                cells.Where(r.Cells.ContainsKey).ToList(), known.First(), first.Value) with { Detail = first.Sentence };
        }
    }

    private static decimal? Add(decimal? a, decimal? b) => a.HasValue && b.HasValue ? a + b : null;

    private static Finding Create(string code, string message, IReadOnlyList<string> cells, decimal? expected = null, decimal? actual = null) =>
        new(code, FindingCodes.Severities[code], message, cells, expected, actual);

    private static string GroupLabel(string group) => group switch
    {
        "review" => "行政复议",
        "suit_direct" => "行政诉讼（未经复议直接起诉）",
        _ => "行政诉讼（复议后起诉）",
    };
}
