using System.Globalization;
using Disclosure.Core.Contract;
using Disclosure.Core.Extraction;
using Disclosure.Core.Vocabulary;

namespace Disclosure.Review;

/// <summary>
/// The review page of one report: one self-contained HTML file (inline CSS, images as data: URIs, no script, nothing loaded
/// from elsewhere), in Chinese. Pure: the same input always gives the same page.
/// </summary>
public static class ReviewPage
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    public static string Render(ReviewInput input)
    {
        var result = input.Result;
        var marks = CellMarks.Of(result);
        var extracted = Extract(input);
        var w = new HtmlWriter();
        var title = $"{result.Report.Agency ?? result.Source.Name} {Year(result)} 年度报告审阅";
        w.Raw("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">")
            .Raw("<title>").Text(title).Raw("</title><style>").Raw(ReviewStyles.Css).Raw("</style></head><body>");
        if (input.IndexHref is { } index)
        {
            w.Raw("<p><a").Attr("href", index).Raw(">← 返回报告列表</a></p>");
        }

        Header(w, input, title);
        if (result.Status == ResultStatus.Failed)
        {
            w.Raw("<h2>处理失败</h2><div class=\"note\" id=\"failure\"><p><span class=\"badge\">✖ 错误</span>").Text(result.ErrorCode).Raw("</p><p>")
                .Text(result.Error).Raw("</p><p>报告未能读出，因此没有表格可显示。请检查文件是否完整、能否正常打开，必要时重新上传原件。</p></div>");
        }
        else
        {
            Findings(w, result, marks);
            Legend(w);
            foreach (var table in Tables(result, extracted))
            {
                Table(w, input, marks, table);
            }

            Narrative(w, result, extracted);
        }

        w.Raw("<footer>本页由 disclosure 根据报告原件自动生成；单元格名称采用统一格式（国办公开办函〔2019〕60号、〔2021〕30号）的表述。处理时间 ")
            .Text(Time(input.ProcessedAt)).Raw("。</footer></body></html>\n");
        return w.ToString();
    }

    /// <summary>The file name of a report's page: stable, safe in a URL and a blob name.</summary>
    public static string FileName(string id) => $"{id}.html";

    private static ExtractedReport? Extract(ReviewInput input)
    {
        if (input.Layout is null || input.Result.Status == ResultStatus.Failed)
        {
            return null;
        }

        try
        {
            return TemplateExtractor.Extract(input.Layout);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException or NullReferenceException)
        {
            // The page still shows the result; only the narrative figures and per-table formats are lost.
            return null;
        }
    }

    private static string Year(ReportResult r) => r.Report.Year?.ToString(CultureInfo.InvariantCulture) ?? "年度未识别";

    private static string Time(DateTimeOffset t) => t.ToOffset(Beijing).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "（北京时间）";

    private static void Header(HtmlWriter w, ReviewInput input, string title)
    {
        var r = input.Result;
        var counts = ReviewCounts.Of(r);
        var (statusClass, statusText) = Status(r);
        w.Raw("<header><h1>").Text(title).Raw("</h1><dl class=\"meta\">");
        Agency(w, r);
        Meta(w, "年度", Year(r));
        Meta(w, "格式", r.Report.Template switch
        {
            TemplateNames.V2021 => "2021年版（国办公开办函〔2021〕30号）",
            TemplateNames.V2019 => "2019年版（国办公开办函〔2019〕60号）",
            TemplateNames.Mixed => "新旧格式混用",
            _ => "未识别出统一格式的表格",
        });
        w.Raw("<dt>状态</dt><dd><span").Attr("class", "status " + statusClass).Attr("data-status", r.Status.ToString().ToLowerInvariant()).Raw(">").Text(statusText).Raw("</span></dd>");
        var source = r.Source;
        Meta(w, "源文件", $"{source.Name}（{source.Format}{(source.Pages is { } p ? $"，{p} 页" : "")}{(source.Ocr ? "，扫描件经 OCR 识别" : "")}）");
        w.Raw("<dt>SHA-256</dt><dd><code>").Text(source.Sha256).Raw("</code></dd>");
        Meta(w, "处理时间", Time(input.ProcessedAt));
        w.Raw("</dl><div class=\"counts\">")
            .Raw("<div class=\"count err\" data-count=\"errors\"><b>").Text(counts.Errors.ToString(CultureInfo.InvariantCulture)).Raw("</b>✖ 错误</div>")
            .Raw("<div class=\"count warn\" data-count=\"warnings\"><b>").Text(counts.Warnings.ToString(CultureInfo.InvariantCulture)).Raw("</b>⚠ 警告</div>")
            .Raw("<div class=\"count doubt\" data-count=\"doubtful\"><b>").Text(counts.Doubtful.ToString(CultureInfo.InvariantCulture)).Raw("</b>？ 存疑读数</div>")
            .Raw("</div></header>");
    }

    /// <summary>
    /// The agency: as printed; for a name read by OCR also as read and as matched in the registry of the year, with the
    /// number of characters that differ, so a reviewer sees what was corrected (or why nothing was).
    /// </summary>
    private static void Agency(HtmlWriter w, ReportResult r)
    {
        if (r.Report.AgencyMatch is not { } m)
        {
            Meta(w, "机关（报告所写）", r.Report.Agency ?? "未识别");
            if (r.Source.Ocr && r.Report.Agency is not null)
            {
                Meta(w, "机关（名录匹配）", "未加载机关名录，按识别结果");
            }

            return;
        }

        Meta(w, "机关（OCR识别）", m.Read);
        var registry = m.RegistryYear is { } y ? $"{y.ToString(CultureInfo.InvariantCulture)}年机关名录" : "机关名录";
        var matched = m switch
        {
            { Matched: { } name, Distance: 0 } => $"{name}（与{registry}一致）",
            { Matched: { } name, Distance: { } d } => $"{name}（与识别结果相差 {d.ToString(CultureInfo.InvariantCulture)} 字，已按{registry}更正）",
            { Candidates: { Count: > 1 } c } => $"无法确定：{registry}中{string.Join("、", c)}都接近，请人工核对",
            _ => $"{registry}中未找到足够接近的机关，按识别结果",
        };
        w.Raw("<dt>机关（名录匹配）</dt><dd").Attr("data-agency-read", m.Read).Attr("data-agency-matched", m.Matched ?? "")
            .Attr("data-agency-distance", m.Distance?.ToString(CultureInfo.InvariantCulture) ?? "").Raw(">").Text(matched).Raw("</dd>");
    }

    internal static (string Class, string Text) Status(ReportResult r) => r.Status switch
    {
        ResultStatus.Failed => ("failed", "✖ 处理失败"),
        ResultStatus.Passed => ("passed", "✔ 通过"),
        _ when r.MaxSeverity() == Severity.Error => ("error", "✖ 有错误"),
        _ => ("warning", "⚠ 有警告"),
    };

    private static void Meta(HtmlWriter w, string name, string value) => w.Raw("<dt>").Text(name).Raw("</dt><dd>").Text(value).Raw("</dd>");

    private static void Findings(HtmlWriter w, ReportResult result, CellMarks marks)
    {
        w.Raw("<h2 id=\"findings\">发现的问题（按严重程度排列）</h2>");
        if (marks.Findings.Count == 0)
        {
            w.Raw("<p class=\"note\">未发现问题：表格数字相互一致，格式符合要求。</p>");
            return;
        }

        w.Raw("<ol class=\"findings\">");
        for (var i = 0; i < marks.Findings.Count; i++)
        {
            var f = marks.Findings[i];
            var (icon, word) = FindingText.Severity(f);
            var cls = $"finding sev-{f.Severity.ToString().ToLowerInvariant()}{(f.Code == FindingCodes.ExtractionUncertain ? " doubt" : "")}";
            w.Raw("<li").Attr("class", cls).Attr("id", FindingId(i)).Attr("data-code", f.Code).Attr("data-severity", f.Severity.ToString().ToLowerInvariant())
                .Attr("data-cells", string.Join(' ', f.Cells)).Raw("><p class=\"ftitle\"><span class=\"badge\">").Text($"{icon} {word}").Raw("</span>")
                .Text(FindingText.Title(f)).Raw("</p><p class=\"msg\">").Text(FindingText.Message(f.Message)).Raw("</p>");
            if (FindingText.WorkedSum(f, result.Cells) is { } sum)
            {
                w.Raw("<p class=\"sum\">").Text(sum).Raw("</p>");
            }

            if (f.Detail is { Length: > 0 } detail)
            {
                w.Raw("<p class=\"detail\">原文：").Text(FindingText.Message(detail)).Raw("</p>");
            }

            if (f.Cells.Count > 0)
            {
                const int shown = 12;
                w.Raw("<ul class=\"fcells\">");
                foreach (var key in f.Cells.Take(shown))
                {
                    CellReference(w, result, key);
                }

                w.Raw("</ul>");
                if (f.Cells.Count > shown)
                {
                    w.Raw("<details><summary>").Text($"其余 {f.Cells.Count - shown} 个单元格").Raw("</summary><ul class=\"fcells\">");
                    foreach (var key in f.Cells.Skip(shown))
                    {
                        CellReference(w, result, key);
                    }

                    w.Raw("</ul></details>");
                }
            }

            w.Raw("</li>");
        }

        w.Raw("</ol>");
    }

    private static void CellReference(HtmlWriter w, ReportResult result, string key)
    {
        var printed = result.Cells.ContainsKey(key) ? CellMarks.Printed(result, key) : null;
        w.Raw("<li><a").Attr("href", "#" + CellId(key)).Attr("data-cell", key).Raw(">").Text(OfficialTables.Name(key)).Raw("</a>")
            .Text(printed is null ? "：报告中没有该单元格" : printed.Length == 0 ? "：空白" : $"：原文“{printed}”").Raw("</li>");
    }

    private static void Legend(HtmlWriter w) =>
        w.Raw("<h2 id=\"tables\">表格（按统一格式排列，数字为报告原文）</h2><div class=\"legend\" aria-label=\"图例\">")
            .Raw("<span class=\"lg\" style=\"border:3px solid var(--err);background:var(--err-bg)\">✖ 错误</span>")
            .Raw("<span class=\"lg\" style=\"border:3px dashed var(--doubt);background:var(--doubt-bg)\">？ 识别存疑</span>")
            .Raw("<span class=\"lg\" style=\"border:3px double var(--warn);background:var(--warn-bg)\">⚠ 警告</span>")
            .Raw("<span class=\"lg\" style=\"border:2px dotted #555;background:var(--blank-bg)\">∅ 空白或占位符</span>")
            .Raw("<span class=\"lg\" style=\"border:2px dashed #777;background:repeating-linear-gradient(45deg,#fff 0 4px,#9a9a9a 4px 6px)\">▨ 报告缺少此单元格</span>")
            .Raw("<span>将鼠标移到或用 Tab 键选中带标记的单元格，可看到原文和问题；点击跳到对应问题。</span></div>");

    /// <summary>The three tables in the format each was read in (per table: a report may mix formats).</summary>
    private static IEnumerable<OfficialTable> Tables(ReportResult result, ExtractedReport? extracted)
    {
        yield return OfficialTables.Table2(Version(result, extracted, 2));
        yield return OfficialTables.Table3(Version(result, extracted, 3));
        yield return OfficialTables.Table4();
    }

    private static TemplateVersion Version(ReportResult result, ExtractedReport? extracted, int table)
    {
        if (extracted?.Tables.GetValueOrDefault(table)?.Template.Version() is { } read)
        {
            return read;
        }

        // Without the layout, or for a mixed table: the format most of its cells belong to; a tie goes to the year's format.
        var prefix = $"t{table}.";
        var k19 = (table == 2 ? CanonicalKeys.Table2Keys(TemplateVersion.V2019) : CanonicalKeys.Table3Keys(TemplateVersion.V2019)).ToHashSet(StringComparer.Ordinal);
        var k21 = (table == 2 ? CanonicalKeys.Table2Keys(TemplateVersion.V2021) : CanonicalKeys.Table3Keys(TemplateVersion.V2021)).ToHashSet(StringComparer.Ordinal);
        var keys = result.Cells.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var only19 = keys.Count(k => k19.Contains(k) && !k21.Contains(k));
        var only21 = keys.Count(k => k21.Contains(k) && !k19.Contains(k));
        return only19 > only21 ? TemplateVersion.V2019
            : only21 > only19 ? TemplateVersion.V2021
            : result.Report.Year is < 2021 ? TemplateVersion.V2019 : TemplateVersion.V2021;
    }

    private static void Table(HtmlWriter w, ReviewInput input, CellMarks marks, OfficialTable table)
    {
        var result = input.Result;
        var prefix = $"t{table.Number}.";
        var present = result.Cells.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal));
        var drawn = table.Keys.ToHashSet(StringComparer.Ordinal);
        w.Raw("<section").Attr("class", "table").Attr("id", $"table-{table.Number}").Raw("><h3>").Text($"表{table.Number}　{table.Caption}").Raw("</h3>");
        if (!present)
        {
            w.Raw("<p class=\"note\">▨ 报告中没有读出这张表，下表各单元格均标为缺少。</p>");
        }

        w.Raw("<table class=\"official\"").Attr("data-table", table.Number.ToString(CultureInfo.InvariantCulture)).Raw(">");
        foreach (var row in table.Rows)
        {
            w.Raw("<tr>");
            foreach (var label in row.Labels)
            {
                w.Raw("<th");
                if (label.RowSpan > 1)
                {
                    w.Attr("rowspan", label.RowSpan.ToString(CultureInfo.InvariantCulture));
                }

                if (label.ColumnSpan > 1)
                {
                    w.Attr("colspan", label.ColumnSpan.ToString(CultureInfo.InvariantCulture));
                }

                w.Attr("scope", row.Header ? "col" : "row").Raw(">").Text(label.Text).Raw("</th>");
            }

            for (var i = 0; i < row.Keys.Count; i++)
            {
                Cell(w, input, marks, marks.For(result, row.Keys[i]), i == row.Keys.Count - 1 ? row.LastSpan : 1);
            }

            w.Raw("</tr>");
        }

        w.Raw("</table>");

        // Cells read or named outside this format's layout (an old row in a new table, a subtotal column): shown, never dropped.
        var extra = result.Cells.Keys.Concat(marks.Findings.SelectMany(f => f.Cells))
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && !drawn.Contains(k))
            .Distinct(StringComparer.Ordinal).OrderBy(CanonicalKeys.Order).ToList();
        if (extra.Count > 0)
        {
            w.Raw("<p>另读出以下不属于该格式的单元格：</p><table class=\"official extra\"><tr><th scope=\"col\">单元格</th><th scope=\"col\">原文</th></tr>");
            foreach (var key in extra)
            {
                w.Raw("<tr><th scope=\"row\">").Text(OfficialTables.Name(key)).Raw("</th>");
                Cell(w, input, marks, marks.For(result, key));
                w.Raw("</tr>");
            }

            w.Raw("</table>");
        }

        Crops(w, input, marks, table.Number);
        w.Raw("</section>");
    }

    private static void Cell(HtmlWriter w, ReviewInput input, CellMarks marks, MarkedCell cell, int span = 1)
    {
        var markName = cell.Mark.ToString().ToLowerInvariant();
        w.Raw("<td").Attr("class", cell.Mark == CellMark.None ? "c" : $"c m-{markName}").Attr("id", CellId(cell.Key)).Attr("data-key", cell.Key);
        if (span > 1)
        {
            w.Attr("colspan", span.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (cell.Mark != CellMark.None)
        {
            w.Attr("data-mark", markName);
        }

        if (cell.Findings.Count > 0)
        {
            w.Attr("data-findings", string.Join(' ', cell.Findings.Select(FindingId)));
        }

        w.Raw(">");
        if (cell.Mark == CellMark.None)
        {
            w.Text(cell.Printed).Raw("</td>");
            return;
        }

        var (icon, word) = cell.Mark switch
        {
            CellMark.Error => ("✖", "错误"),
            CellMark.Doubtful => ("？", "识别存疑"),
            CellMark.Warning => ("⚠", "警告"),
            CellMark.Blank => ("∅", "空白"),
            _ => ("▨", "缺少"),
        };
        var tipId = "tip-" + CellId(cell.Key);
        w.Raw("<a class=\"v\"").Attr("href", cell.Findings.Count > 0 ? "#" + FindingId(cell.Findings[0]) : input.Crops?.ByKey.ContainsKey(cell.Key) == true ? "#crop-" + CellId(cell.Key) : "#findings")
            .Attr("aria-describedby", tipId).Raw("><span class=\"ico\" aria-hidden=\"true\">").Text(icon).Raw("</span>")
            .Text(cell.Mark == CellMark.Absent ? "缺" : cell.Printed.Length == 0 ? "空" : cell.Printed).Raw("<span class=\"sr\">（").Text(word).Raw("）</span></a>");
        w.Raw("<span class=\"tip\" role=\"tooltip\"").Attr("id", tipId).Raw("><b>").Text(OfficialTables.Name(cell.Key)).Raw("</b><br>")
            .Text(cell.Mark == CellMark.Absent ? "报告中没有该单元格" : cell.Printed.Length == 0 ? "原文：空白" : $"原文：“{cell.Printed}”");
        if (input.Result.CellDetails?.GetValueOrDefault(cell.Key)?.Confidence is { } confidence)
        {
            w.Text($"（识别置信度 {confidence:0.00}）");
        }

        foreach (var index in cell.Findings)
        {
            var f = marks.Findings[index];
            var (fi, fw) = FindingText.Severity(f);
            w.Raw("<a").Attr("href", "#" + FindingId(index)).Raw(">").Text($"{fi} {fw}：{FindingText.Title(f)}").Raw("</a>");
        }

        if (input.Crops?.ByKey.ContainsKey(cell.Key) == true)
        {
            w.Raw("<a").Attr("href", "#crop-" + CellId(cell.Key)).Raw(">查看原件截图</a>");
        }

        w.Raw("</span></td>");
    }

    private static void Crops(HtmlWriter w, ReviewInput input, CellMarks marks, int table)
    {
        var prefix = $"t{table}.";
        var cells = marks.Marked.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal) && input.Result.Cells.ContainsKey(c.Key))
            .OrderBy(c => CanonicalKeys.Order(c.Key)).ToList();
        if (cells.Count == 0 || input.Crops is not { } crops)
        {
            return;
        }

        w.Raw("<h4>原件对照（标记单元格在原件中的位置，框出的是该单元格）</h4>");
        if (crops.Unavailable is { } why && crops.ByKey.Count == 0)
        {
            w.Raw("<p class=\"note nocrop\" data-crops=\"unavailable\">无法提供原件截图：").Text(why).Raw("</p>");
            return;
        }

        w.Raw("<div class=\"crops\">");
        foreach (var cell in cells)
        {
            w.Raw("<figure class=\"crop\"").Attr("id", "crop-" + CellId(cell.Key)).Attr("data-key", cell.Key).Raw(">");
            if (crops.ByKey.TryGetValue(cell.Key, out var crop))
            {
                w.Raw("<a class=\"shot\"").Attr("href", "#" + CellId(cell.Key)).Raw("><img").Attr("src", "data:image/png;base64," + Convert.ToBase64String(crop.Png))
                    // Shown at 1.5× the 110 dpi crop (about print size) so digits read comfortably; the outline scales with it.
                    .Attr("width", (crop.Width * 3 / 2).ToString(CultureInfo.InvariantCulture)).Attr("height", (crop.Height * 3 / 2).ToString(CultureInfo.InvariantCulture))
                    .Attr("alt", $"原件第 {crop.Page} 页截图：{OfficialTables.Name(cell.Key)}")
                    .Raw("><span class=\"box\"").Attr("style", string.Create(CultureInfo.InvariantCulture,
                        $"left:{100.0 * crop.CellLeft / crop.Width:0.##}%;top:{100.0 * crop.CellTop / crop.Height:0.##}%;width:{100.0 * crop.CellWidth / crop.Width:0.##}%;height:{100.0 * crop.CellHeight / crop.Height:0.##}%"))
                    .Raw("></span></a>");
            }
            else
            {
                w.Raw("<p class=\"nocrop\">").Text(crops.Unavailable ?? "该单元格没有记录在原件中的位置，无法截图。").Raw("</p>");
            }

            w.Raw("<figcaption>").Text($"{OfficialTables.Name(cell.Key)}：" + (cell.Printed.Length == 0 ? "空白" : $"原文“{cell.Printed}”"))
                .Text(crop is null ? "" : $"（第 {crop.Page} 页）").Raw("</figcaption></figure>");
        }

        w.Raw("</div>");
    }

    private static void Narrative(HtmlWriter w, ReportResult result, ExtractedReport? extracted)
    {
        w.Raw("<h2 id=\"narrative\">“总体情况”中的数字与表格对照</h2>");
        if (extracted is null)
        {
            var mismatches = result.Findings.Where(f => f.Code == FindingCodes.NarrativeMismatch).ToList();
            w.Raw("<p class=\"note\">本页未获得报告的版面信息，只列出与表格不一致的数字（见上方问题列表）").Text(mismatches.Count == 0 ? "；没有不一致的数字。" : "。").Raw("</p>");
            return;
        }

        if (extracted.Narrative.Count == 0)
        {
            w.Raw("<p class=\"note\">“总体情况”中没有找到申请数、行政复议数、行政诉讼数等可与表格对照的数字。</p>");
            return;
        }

        w.Raw("<table class=\"narr\"><tr><th scope=\"col\">正文所述</th><th scope=\"col\">数字</th><th scope=\"col\">对照的表格数值</th><th scope=\"col\">结论</th></tr>");
        foreach (var figure in extracted.Narrative)
        {
            var (what, candidates) = Counterparts(figure.Topic, result.Cells);
            var known = candidates.Where(c => c.Value.HasValue).ToList();
            var agrees = known.Any(c => c.Value == figure.Value);
            w.Raw("<tr").Attr("data-topic", figure.Topic).Raw("><td>").Text(what).Raw("<div class=\"detail\">").Text(figure.Sentence).Raw("</div></td><td>")
                .Text(CellMarks.Number(figure.Value)).Raw("</td><td>");
            if (candidates.Count == 0)
            {
                w.Text("表格中没有对应的数字（仅供参考）");
            }

            foreach (var (label, value) in candidates)
            {
                w.Raw("<div>").Text($"{label} = {(value is { } v ? CellMarks.Number(v) : "未读出")}").Raw("</div>");
            }

            w.Raw("</td><td>").Raw(candidates.Count == 0 ? "—" : known.Count == 0 ? "无法对照" : agrees ? "<span class=\"ok\">✔ 一致</span>" : "<span class=\"bad\">✖ 不一致</span>").Raw("</td></tr>");
        }

        w.Raw("</table>");
    }

    /// <summary>The table values a narrative figure may describe (its scope varies: 新收, 新收 + 结转, 办理, 办理 + 结转下年度).</summary>
    private static (string What, IReadOnlyList<(string Label, decimal? Value)> Candidates) Counterparts(string topic, IReadOnlyDictionary<string, decimal?> cells)
    {
        decimal? V(string key) => cells.GetValueOrDefault(key);
        decimal? Plus(decimal? a, decimal? b) => a.HasValue && b.HasValue ? a + b : null;
        return topic switch
        {
            NarrativeTopics.Applications => ("政府信息公开申请数",
            [
                ("表3 “一、本年新收” 总计", V("t3.new_received.total")),
                ("新收 + 上年结转", Plus(V("t3.new_received.total"), V("t3.carried_over.total"))),
                ("表3 “（七）总计” 总计", V("t3.results_total.total")),
                ("（七）总计 + 结转下年度", Plus(V("t3.results_total.total"), V("t3.carried_forward.total"))),
            ]),
            NarrativeTopics.Reviews => ("行政复议数", [("表4 “行政复议” 总计", V("t4.review.total"))]),
            NarrativeTopics.Lawsuits => ("行政诉讼数",
            [
                ("表4 两类行政诉讼总计之和", Plus(V("t4.suit_direct.total"), V("t4.suit_after_review.total"))),
                ("表4 “未经复议直接起诉” 总计", V("t4.suit_direct.total")),
                ("表4 “复议后起诉” 总计", V("t4.suit_after_review.total")),
            ]),
            NarrativeTopics.ProactiveItems => ("主动公开信息条数", []),
            _ => (topic, []),
        };
    }

    internal static string CellId(string key) => "c-" + key.Replace('.', '-');

    internal static string FindingId(int index) => "f-" + (index + 1).ToString(CultureInfo.InvariantCulture);
}
