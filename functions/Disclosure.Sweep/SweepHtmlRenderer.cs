using System.Globalization;
using System.Net;
using System.Text;
using Disclosure.Core.Contract;

namespace Disclosure.Sweep;

/// <summary>
/// Renders a sweep as one self-contained HTML page: inline CSS, inline SVG charts, no scripts and no external assets,
/// so it can be mailed or opened offline. Every chart element carries its figures in data- attributes for checking.
/// </summary>
public static class SweepHtmlRenderer
{
    private static readonly (AgencyState State, string Color)[] StateColors =
    [
        (AgencyState.Compliant, "#2e7d32"),
        (AgencyState.Late, "#f9a825"),
        (AgencyState.Inconsistent, "#ef6c00"),
        (AgencyState.Missing, "#c62828"),
    ];

    private static readonly Dictionary<string, string> CodeLabels = new()
    {
        [FindingCodes.MissingReport] = "未发布年报",
        [FindingCodes.LateReport] = "逾期发布",
        [FindingCodes.CarryoverMismatch] = "结转数不衔接",
        [FindingCodes.InForceMismatch] = "现行有效件数不衔接",
        [FindingCodes.TemplateOutdated] = "使用过时模板",
    };

    /// <param name="reviewLinks">Review-page link per report id (StoredReportSummary.Id), shown beside the agency; none when null.</param>
    public static string Render(SweepOutcome outcome, DateTimeOffset generatedAt, IReadOnlyDictionary<string, string>? reviewLinks = null)
    {
        var s = outcome.Summary;
        var y = outcome.Year;
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(y).Append("年度政府信息公开工作年度报告合规检查</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n")
            .Append("<body data-year=\"").Append(y).Append("\">\n<header>\n<h1>").Append(y).Append("年度政府信息公开工作年度报告合规检查</h1>\n")
            .Append("<p class=\"meta\">生成时间 ").Append(E(generatedAt.ToOffset(DeadlinePolicy.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)))
            .Append("（北京时间）· 名录单位 ").Append(s.Overall.Expected).Append(" 家 · 本年度报告 ").Append(s.ReportsThisYear)
            .Append(" 份 · 上年度报告 ").Append(s.ReportsLastYear).Append(" 份</p>\n</header>\n");

        Kpis(html, s);

        html.Append("<section class=\"charts\">\n");
        RegionChart(html, s);
        FindingsChart(html, s);
        YearOnYearChart(html, s, y);
        html.Append("</section>\n");

        RegionTable(html, s);
        FlaggedTable(html, outcome, reviewLinks);
        TextClustersTable(html, s);
        UnmatchedTable(html, s);

        html.Append("<footer>依据《中华人民共和国政府信息公开条例》第四十九条、第五十条；截止日期：部门次年1月31日，政府次年3月31日（可配置）。</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Kpis(StringBuilder html, SweepSummary s)
    {
        (string Key, string Label, string Value)[] kpis =
        [
            ("expected", "应报单位", I(s.Overall.Expected)),
            ("reported", "已报单位", I(s.Overall.Reported)),
            ("missing", "未发布", I(s.Overall.Missing)),
            ("late", "逾期发布", I(s.Overall.Late)),
            ("carryover", "结转数不衔接", I(s.Overall.CarryoverMismatch)),
            ("in_force", "现行有效件数不衔接", I(s.Overall.InForceMismatch)),
            ("open_errors", "存在错误的报告", I(s.Overall.WithOpenErrors)),
            ("outdated", "使用过时模板", I(s.Overall.TemplateOutdated)),
            ("unmatched", "无法匹配单位的报告", I(s.Unmatched.Count)),
            ("compliance", "合规率", s.Overall.ComplianceRate.ToString("0.0", CultureInfo.InvariantCulture) + "%"),
        ];
        html.Append("<section class=\"kpis\">\n");
        foreach (var (key, label, value) in kpis)
        {
            html.Append("<div class=\"kpi kpi-").Append(key).Append("\" data-kpi=\"").Append(key).Append("\" data-value=\"").Append(E(value.TrimEnd('%'))).Append("\"><span class=\"v\">")
                .Append(E(value)).Append("</span><span class=\"l\">").Append(E(label)).Append("</span></div>\n");
        }

        html.Append("</section>\n");
    }

    private static void RegionChart(StringBuilder html, SweepSummary s)
    {
        const int labelWidth = 150, barWidth = 420, rowHeight = 26, top = 30;
        var regions = s.Regions.ToList();
        var height = top + (regions.Count * rowHeight) + 10;
        html.Append("<figure class=\"chart\" id=\"chart-regions\">\n<figcaption>各地区合规情况（单位数）</figcaption>\n")
            .Append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"各地区合规情况\" viewBox=\"0 0 ")
            .Append(labelWidth + barWidth + 80).Append(' ').Append(height).Append("\" width=\"").Append(labelWidth + barWidth + 80).Append("\" height=\"").Append(height).Append("\">\n");
        Legend(html, labelWidth, 14);
        var max = Math.Max(1, regions.Count == 0 ? 1 : regions.Max(r => r.Value.Expected));
        for (var i = 0; i < regions.Count; i++)
        {
            var (region, c) = (regions[i].Key, regions[i].Value);
            var yPos = top + (i * rowHeight);
            // Segments are states (an agency late and inconsistent is drawn once, as inconsistent).
            var inconsistent = c.Inconsistent;
            var late = c.Expected - c.Compliant - c.Missing - inconsistent;
            html.Append("<g class=\"region-bar\" data-region=\"").Append(E(region)).Append("\" data-expected=\"").Append(c.Expected)
                .Append("\" data-compliant=\"").Append(c.Compliant).Append("\" data-late=\"").Append(c.Late)
                .Append("\" data-missing=\"").Append(c.Missing).Append("\" data-inconsistent=\"").Append(c.Inconsistent).Append("\" data-carryover=\"").Append(c.CarryoverMismatch)
                .Append("\" data-in-force=\"").Append(c.InForceMismatch).Append("\" data-rate=\"").Append(c.ComplianceRate.ToString("0.0", CultureInfo.InvariantCulture)).Append("\">\n")
                .Append("<text x=\"").Append(labelWidth - 6).Append("\" y=\"").Append(yPos + 15).Append("\" text-anchor=\"end\">").Append(E(region)).Append("</text>\n");
            var x = (double)labelWidth;
            foreach (var (state, color) in StateColors)
            {
                var n = state switch
                {
                    AgencyState.Compliant => c.Compliant,
                    AgencyState.Late => late,
                    AgencyState.Inconsistent => inconsistent,
                    _ => c.Missing,
                };
                if (n <= 0)
                {
                    continue;
                }

                var w = (double)barWidth * n / max;
                html.Append("<rect class=\"seg seg-").Append(SweepCsv.StateName(state)).Append("\" data-state=\"").Append(SweepCsv.StateName(state)).Append("\" data-count=\"").Append(n)
                    .Append("\" x=\"").Append(D(x)).Append("\" y=\"").Append(yPos + 3).Append("\" width=\"").Append(D(w)).Append("\" height=\"").Append(rowHeight - 8)
                    .Append("\" fill=\"").Append(color).Append("\"><title>").Append(E(SweepCsv.StateLabel(state))).Append(' ').Append(n).Append("</title></rect>\n");
                x += w;
            }

            html.Append("<text x=\"").Append(D(x + 6)).Append("\" y=\"").Append(yPos + 15).Append("\" class=\"num\">")
                .Append(c.ComplianceRate.ToString("0.0", CultureInfo.InvariantCulture)).Append("%</text>\n</g>\n");
        }

        html.Append("</svg>\n</figure>\n");
    }

    private static void Legend(StringBuilder html, int x, int y)
    {
        foreach (var (state, color) in StateColors)
        {
            html.Append("<rect x=\"").Append(x).Append("\" y=\"").Append(y - 10).Append("\" width=\"12\" height=\"12\" fill=\"").Append(color).Append("\"/>")
                .Append("<text x=\"").Append(x + 16).Append("\" y=\"").Append(y).Append("\" class=\"legend\">").Append(E(SweepCsv.StateLabel(state))).Append("</text>\n");
            x += 130;
        }
    }

    private static void FindingsChart(StringBuilder html, SweepSummary s)
    {
        const int labelWidth = 230, barWidth = 300, rowHeight = 24, top = 8;
        var items = s.FindingsByType.Where(kv => kv.Value > 0 || SweepCalculator.SweepCodes.Contains(kv.Key))
            .OrderBy(kv => SweepCalculator.SweepCodes.Contains(kv.Key) ? 0 : 1).ThenByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .ToList();
        items.Add(new KeyValuePair<string, int>("UNMATCHED", s.Unmatched.Count));
        var height = top + (items.Count * rowHeight) + 8;
        var max = Math.Max(1, items.Max(i => i.Value));
        html.Append("<figure class=\"chart\" id=\"chart-findings\">\n<figcaption>问题类型分布（单位数 / 报告数）</figcaption>\n")
            .Append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"问题类型分布\" viewBox=\"0 0 ").Append(labelWidth + barWidth + 60).Append(' ').Append(height)
            .Append("\" width=\"").Append(labelWidth + barWidth + 60).Append("\" height=\"").Append(height).Append("\">\n");
        for (var i = 0; i < items.Count; i++)
        {
            var (code, count) = (items[i].Key, items[i].Value);
            var yPos = top + (i * rowHeight);
            var label = code == "UNMATCHED" ? "无法匹配单位的报告" : CodeLabels.GetValueOrDefault(code, code);
            var severity = FindingCodes.Severities.TryGetValue(code, out var sev) ? sev : Severity.Warning;
            var w = (double)barWidth * count / max;
            html.Append("<g class=\"finding-bar\" data-code=\"").Append(E(code)).Append("\" data-count=\"").Append(count).Append("\">")
                .Append("<text x=\"").Append(labelWidth - 6).Append("\" y=\"").Append(yPos + 14).Append("\" text-anchor=\"end\">").Append(E(label)).Append(" <tspan class=\"code\">").Append(E(code)).Append("</tspan></text>")
                .Append("<rect x=\"").Append(labelWidth).Append("\" y=\"").Append(yPos + 3).Append("\" width=\"").Append(D(w)).Append("\" height=\"").Append(rowHeight - 8)
                .Append("\" fill=\"").Append(severity == Severity.Error ? "#c62828" : "#f9a825").Append("\"/>")
                .Append("<text x=\"").Append(D(labelWidth + w + 6)).Append("\" y=\"").Append(yPos + 14).Append("\" class=\"num\">").Append(count).Append("</text></g>\n");
        }

        html.Append("</svg>\n</figure>\n");
    }

    private static void YearOnYearChart(StringBuilder html, SweepSummary s, int year)
    {
        const int left = 50, groupWidth = 100, plotHeight = 200, top = 30, bottom = 40;
        var figures = s.YearOnYear;
        var width = left + (figures.Count * groupWidth) + 20;
        var max = Math.Max(1m, figures.Count == 0 ? 1m : figures.Max(f => Math.Max(f.LastYear, f.ThisYear)));
        html.Append("<figure class=\"chart wide\" id=\"chart-yoy\">\n<figcaption>申请与办理结果同比（两年均有报告的单位合计，表三“总计”列）</figcaption>\n")
            .Append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"申请与办理结果同比\" viewBox=\"0 0 ").Append(width).Append(' ').Append(top + plotHeight + bottom)
            .Append("\" width=\"").Append(width).Append("\" height=\"").Append(top + plotHeight + bottom).Append("\">\n")
            .Append("<rect x=\"").Append(left).Append("\" y=\"8\" width=\"12\" height=\"12\" fill=\"#90a4ae\"/><text x=\"").Append(left + 16).Append("\" y=\"18\" class=\"legend\">").Append(year - 1).Append("年</text>")
            .Append("<rect x=\"").Append(left + 80).Append("\" y=\"8\" width=\"12\" height=\"12\" fill=\"#1565c0\"/><text x=\"").Append(left + 96).Append("\" y=\"18\" class=\"legend\">").Append(year).Append("年</text>\n")
            .Append("<line x1=\"").Append(left).Append("\" y1=\"").Append(top + plotHeight).Append("\" x2=\"").Append(width - 10).Append("\" y2=\"").Append(top + plotHeight).Append("\" stroke=\"#555\"/>\n");
        for (var i = 0; i < figures.Count; i++)
        {
            var f = figures[i];
            var gx = left + (i * groupWidth) + 10;
            var change = f.LastYear == 0 ? (decimal?)null : Math.Round(100m * (f.ThisYear - f.LastYear) / f.LastYear, 1);
            html.Append("<g class=\"yoy-group\" data-metric=\"").Append(E(f.Metric)).Append("\" data-last=\"").Append(D(f.LastYear)).Append("\" data-this=\"").Append(D(f.ThisYear))
                .Append("\" data-change-pct=\"").Append(change is { } c ? D(c) : "").Append("\">\n");
            foreach (var (value, yr, color, offset) in new[] { (f.LastYear, year - 1, "#90a4ae", 0), (f.ThisYear, year, "#1565c0", 40) })
            {
                var h = (double)(plotHeight * value / max);
                html.Append("<rect class=\"yoy-bar\" data-metric=\"").Append(E(f.Metric)).Append("\" data-year=\"").Append(yr).Append("\" data-value=\"").Append(D(value))
                    .Append("\" x=\"").Append(gx + offset).Append("\" y=\"").Append(D(top + plotHeight - h)).Append("\" width=\"36\" height=\"").Append(D(h)).Append("\" fill=\"").Append(color).Append("\"/>")
                    .Append("<text x=\"").Append(gx + offset + 18).Append("\" y=\"").Append(D(top + plotHeight - h - 3)).Append("\" text-anchor=\"middle\" class=\"num small\">").Append(D(value)).Append("</text>\n");
            }

            html.Append("<text x=\"").Append(gx + 38).Append("\" y=\"").Append(top + plotHeight + 16).Append("\" text-anchor=\"middle\">").Append(E(f.Label)).Append("</text>")
                .Append("<text x=\"").Append(gx + 38).Append("\" y=\"").Append(top + plotHeight + 32).Append("\" text-anchor=\"middle\" class=\"num small\">")
                .Append(change is { } pct ? (pct >= 0 ? "+" : "") + D(pct) + "%" : "—").Append("</text>\n</g>\n");
        }

        html.Append("</svg>\n</figure>\n");
    }

    private static void RegionTable(StringBuilder html, SweepSummary s)
    {
        html.Append("<section><h2>分地区统计</h2>\n<table class=\"regions\"><thead><tr><th>地区</th><th>应报</th><th>已报</th><th>未发布</th><th>逾期</th><th>结转不衔接</th><th>现行有效不衔接</th><th>存在错误</th><th>过时模板</th><th>合规率</th></tr></thead><tbody>\n");
        foreach (var (region, c) in s.Regions.Append(new KeyValuePair<string, SweepCounts>("合计", s.Overall)))
        {
            html.Append("<tr data-region=\"").Append(E(region)).Append("\"><td>").Append(E(region)).Append("</td><td>").Append(c.Expected).Append("</td><td>").Append(c.Reported)
                .Append("</td><td>").Append(c.Missing).Append("</td><td>").Append(c.Late).Append("</td><td>").Append(c.CarryoverMismatch).Append("</td><td>").Append(c.InForceMismatch)
                .Append("</td><td>").Append(c.WithOpenErrors).Append("</td><td>").Append(c.TemplateOutdated).Append("</td><td>").Append(c.ComplianceRate.ToString("0.0", CultureInfo.InvariantCulture)).Append("%</td></tr>\n");
        }

        html.Append("</tbody></table></section>\n");
    }

    private static void FlaggedTable(StringBuilder html, SweepOutcome outcome, IReadOnlyDictionary<string, string>? reviewLinks)
    {
        var flagged = outcome.Agencies.Where(a => a.Findings.Count > 0)
            .OrderBy(a => a.State).ThenBy(a => a.Agency.Region, StringComparer.Ordinal).ThenBy(a => a.Agency.Id, StringComparer.Ordinal).ToList();
        html.Append("<section><h2>需处理的单位（").Append(flagged.Count).Append("）</h2>\n<table class=\"flagged\"><thead><tr><th>单位</th><th>地区</th><th>状态</th><th>问题</th></tr></thead><tbody>\n");
        foreach (var a in flagged)
        {
            html.Append("<tr data-agency=\"").Append(E(a.Agency.Id)).Append("\" data-state=\"").Append(SweepCsv.StateName(a.State)).Append("\" data-codes=\"")
                .Append(E(string.Join(' ', a.Findings.Select(f => f.Code).Distinct()))).Append("\"><td>").Append(E(a.Agency.Name)).Append("<br><span class=\"code\">").Append(E(a.Agency.Id)).Append("</span>");
            if (a.Report is { } report && reviewLinks?.GetValueOrDefault(report.Id) is { } link)
            {
                html.Append("<br><a class=\"review\" data-report=\"").Append(E(report.Id)).Append("\" href=\"").Append(E(link)).Append("\">审阅页（表格与问题）</a>");
            }

            html.Append("</td><td>").Append(E(a.Agency.Region)).Append("</td><td class=\"st st-").Append(SweepCsv.StateName(a.State)).Append("\">").Append(E(SweepCsv.StateLabel(a.State)))
                .Append("</td><td><ul>");
            foreach (var f in a.Findings)
            {
                html.Append("<li><span class=\"code\">").Append(E(f.Code)).Append("</span> ").Append(E(f.Message)).Append("</li>");
            }

            html.Append("</ul></td></tr>\n");
        }

        html.Append("</tbody></table></section>\n");
    }

    private static void UnmatchedTable(StringBuilder html, SweepSummary s)
    {
        html.Append("<section><h2>无法匹配单位的报告（").Append(s.Unmatched.Count).Append("）</h2>\n<table class=\"unmatched\"><thead><tr><th>文件</th><th>报告中的单位名称</th><th>原因</th></tr></thead><tbody>\n");
        foreach (var u in s.Unmatched)
        {
            html.Append("<tr data-blob=\"").Append(E(u.BlobName)).Append("\"><td>").Append(E(u.BlobName)).Append("</td><td>").Append(E(u.Agency ?? "（未识别）"))
                .Append("</td><td>").Append(E(u.Reason)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table></section>\n");
    }

    private static void TextClustersTable(StringBuilder html, SweepSummary s)
    {
        html.Append("<section><h2>同地区单位雷同文字（").Append(s.TextClusters.Count)
            .Append("）</h2>\n<p class=\"meta\">同一地区、同一年度内，以下单位的该部分文字几乎逐字相同（已屏蔽数字、日期和年份；模板自带文字不计）。</p>\n")
            .Append("<table class=\"clusters\"><thead><tr><th>编号</th><th>地区</th><th>部分</th><th>单位</th><th>相同段落</th></tr></thead><tbody>\n");
        foreach (var c in s.TextClusters)
        {
            html.Append("<tr data-cluster=\"").Append(E(c.Id)).Append("\" data-section=\"").Append(c.Section).Append("\" data-agencies=\"").Append(c.Agencies.Count)
                .Append("\"><td>").Append(E(c.Id)).Append("</td><td>").Append(E(c.Region)).Append("</td><td>").Append(E(c.SectionLabel)).Append("</td><td><ul>");
            foreach (var a in c.Agencies)
            {
                html.Append("<li data-agency=\"").Append(E(a.AgencyId)).Append("\">").Append(E(a.AgencyName)).Append("</li>");
            }

            html.Append("</ul></td><td>").Append(E(c.Passage)).Append("</td></tr>\n");
        }

        html.Append("</tbody></table></section>\n");
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);

    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string D(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string D(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private const string Css = """
        body{font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#222;background:#fafafa}
        h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px}.meta{color:#666;margin:0 0 16px}
        .kpis{display:flex;flex-wrap:wrap;gap:10px}.kpi{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 14px;min-width:96px}
        .kpi .v{display:block;font-size:22px;font-weight:bold}.kpi .l{color:#555;font-size:12px}
        .kpi-missing .v{color:#c62828}.kpi-late .v{color:#b28704}.kpi-carryover .v,.kpi-in_force .v{color:#ef6c00}.kpi-compliance .v{color:#2e7d32}
        .charts{display:flex;flex-wrap:wrap;gap:16px;margin-top:16px}.chart{background:#fff;border:1px solid #ddd;border-radius:6px;margin:0;padding:10px}
        figcaption{font-weight:bold;margin-bottom:6px}svg text{font-size:12px;fill:#222}svg .legend{font-size:12px}svg .num{fill:#333}svg .small{font-size:10px}svg .code{fill:#888;font-size:10px}
        table{border-collapse:collapse;background:#fff;width:100%;font-size:13px}th,td{border:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}
        th{background:#eceff1}td ul{margin:0;padding-left:16px}.code{color:#888;font-family:monospace;font-size:11px}
        .st-missing{color:#c62828}.st-late{color:#b28704}.st-inconsistent{color:#ef6c00}footer{margin-top:24px;color:#777;font-size:12px}
        """;
}
