using System.Net;
using System.Text;
using Disclosure.Core.Contract;
using Disclosure.Core.Vocabulary;

namespace Disclosure.Corpus;

/// <summary>
/// Renders a <see cref="ReportSpec"/> as a standard report in HTML (the official table layouts, merged cells included;
/// labels and keys from <see cref="OfficialTemplate"/>).
/// </summary>
public static class HtmlRenderer
{
    public static string Render(ReportSpec spec) => Render(spec, []);

    /// <summary>Renders and lists the printed table values in reading order (row-major), blanks skipped.</summary>
    public static string Render(ReportSpec spec, List<string> tableValues)
    {
        string Plain(string key) => WebUtility.HtmlEncode(ReportSpec.Format(spec.Cells.GetValueOrDefault(key)));
        string V(string key)
        {
            var text = Plain(key);
            if (text.Length > 0)
            {
                tableValues.Add(text);
            }

            return text;
        }

        var sb = new StringBuilder();
        sb.Append("""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>report</title>
            <style>
            @page { size: A4; margin: 20mm 18mm; }
            body { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 11pt; line-height: 1.5; }
            h1 { font-size: 16pt; text-align: center; }
            h2 { font-size: 12pt; margin: 14pt 0 8pt 0; }
            p { text-indent: 2em; margin: 0 0 6pt 0; }
            table { border-collapse: collapse; width: 100%; margin: 10pt 0 16pt 0; font-size: 9pt; line-height: 1.15; }
            td, th { border: 0.8pt solid #000; padding: 3pt 3pt; vertical-align: top; text-align: left; font-weight: normal; }
            td.n { text-align: center; }
            </style></head><body>
            """);
        sb.Append($"<h1>{WebUtility.HtmlEncode(spec.Agency)}{spec.Year}年政府信息公开工作年度报告</h1>\n");
        sb.Append($"<p>本报告根据《中华人民共和国政府信息公开条例》要求编制，报告所列数据统计期限自{spec.Year}年1月1日起至{spec.Year}年12月31日止。</p>\n");
        sb.Append($"<h2>{OfficialTemplate.SectionTitle(1)}</h2>\n");
        sb.Append($"<p>{spec.Year}年，{WebUtility.HtmlEncode(spec.Agency)}深入贯彻落实政务公开工作要点，围绕中心工作，进一步规范政府信息公开工作，保障人民群众的知情权、参与权和监督权。全年共收到政府信息公开申请{Plain("t3.new_received.total")}件，均在法定期限内答复。</p>\n");
        sb.Append($"<h2>{OfficialTemplate.SectionTitle(2)}</h2>\n<table>\n");
        void Head(string item, params string[] headers)
        {
            sb.Append($"<tr><td colspan=\"4\">{item}</td></tr>\n<tr><td>{OfficialTemplate.Table2LabelHeader}</td>");
            foreach (var h in headers)
            {
                sb.Append($"<td>{h}</td>");
            }

            for (var i = headers.Length; i < 3; i++)
            {
                sb.Append("<td></td>");
            }

            sb.Append("</tr>\n");
        }

        void Row(string label, string key, params string[] cols)
        {
            sb.Append($"<tr><td>{label}</td>");
            foreach (var c in cols)
            {
                sb.Append($"<td class=\"n\">{V($"{key}.{c}")}</td>");
            }

            for (var i = cols.Length; i < 3; i++)
            {
                sb.Append("<td></td>");
            }

            sb.Append("</tr>\n");
        }

        // The 2019 template prints no unit after 采购总金额; this renderer adds 万元 as most reports do.
        foreach (var (item, columns, rows) in OfficialTemplate.Table2(spec.Template))
        {
            Head(item, [.. columns.Select(c => c.Key == "amount" ? c.Header + "（单位：万元）" : c.Header)]);
            foreach (var row in rows)
            {
                Row(row.Label, $"t2.{row.Key}", [.. columns.Select(c => c.Key)]);
            }
        }

        sb.Append("</table>\n");
        sb.Append($"<h2>{OfficialTemplate.SectionTitle(3)}</h2>\n<table>\n");
        var t3Columns = OfficialTemplate.Table3Columns;
        sb.Append($"<tr><td colspan=\"3\" rowspan=\"3\" style=\"width:34%\">{OfficialTemplate.Table3BalanceNote}</td><td colspan=\"7\">{OfficialTemplate.Table3ApplicantsHeader}</td></tr>\n");
        sb.Append($"<tr><td rowspan=\"2\">{t3Columns[0].Header}</td><td colspan=\"5\">{OfficialTemplate.Table3OrganisationsHeader}</td><td rowspan=\"2\">{t3Columns[^1].Header}</td></tr>\n");
        sb.Append($"<tr>{string.Concat(t3Columns.Skip(1).Take(5).Select(c => $"<td>{c.Header}</td>"))}</tr>\n");
        void T3(string key, string cellsHtml)
        {
            sb.Append("<tr>").Append(cellsHtml);
            foreach (var c in CanonicalKeys.Table3Columns)
            {
                sb.Append($"<td class=\"n\">{V($"t3.{key}.{c}")}</td>");
            }

            sb.Append("</tr>\n");
        }

        foreach (var row in OfficialTemplate.Table3Opening)
        {
            T3(row.Key, $"<td colspan=\"3\">{row.Label}</td>");
        }

        // 三、本年度办理结果 spans the outcome rows, a group's label its items; the first group's label column is sized.
        var outcomes = OfficialTemplate.Table3Outcomes(spec.Template);
        var (first, firstGroup) = (true, true);
        foreach (var (group, items) in outcomes)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var part = first ? $"<td rowspan=\"{outcomes.Sum(g => g.Items.Count)}\" style=\"width:7%\">{OfficialTemplate.Table3OutcomesLabel}</td>" : "";
                first = false;
                var label = group is null ? $"<td colspan=\"2\">{items[i].Label}</td>"
                    : (i == 0 ? $"<td rowspan=\"{items.Count}\"{(firstGroup ? " style=\"width:9%\"" : "")}>{group}</td>" : "") + $"<td>{items[i].Label}</td>";
                T3(items[i].Key, part + label);
            }

            firstGroup &= group is null;
        }

        T3(OfficialTemplate.Table3Closing.Key, $"<td colspan=\"3\">{OfficialTemplate.Table3Closing.Label}</td>");
        sb.Append("</table>\n");

        sb.Append($"<h2>{OfficialTemplate.SectionTitle(4)}</h2>\n<table>\n");
        var groups = OfficialTemplate.Table4Groups;
        var headers = OfficialTemplate.Table4Columns.Select(c => c.Header).ToList();
        sb.Append($"<tr><td colspan=\"5\">{groups[0].Label}</td><td colspan=\"10\">{OfficialTemplate.Table4LawsuitsHeader}</td></tr>\n");
        sb.Append($"<tr>{string.Concat(headers.Select(h => $"<td rowspan=\"2\">{h}</td>"))}<td colspan=\"5\">{groups[1].Label}</td><td colspan=\"5\">{groups[2].Label}</td></tr>\n");
        sb.Append($"<tr>{string.Concat(headers.Concat(headers).Select(h => $"<td>{h}</td>"))}</tr>\n<tr>");
        foreach (var g in CanonicalKeys.Table4Groups)
        {
            foreach (var c in CanonicalKeys.Table4Columns)
            {
                sb.Append($"<td class=\"n\">{V($"t4.{g}.{c}")}</td>");
            }
        }

        sb.Append("</tr>\n</table>\n");
        sb.Append($"<h2>{OfficialTemplate.SectionTitle(5)}</h2>\n<p>政务公开工作仍存在公开内容不够全面、解读形式较为单一等问题。下一步，我们将进一步完善工作机制，提升公开质量。</p>\n");
        sb.Append($"<h2>{OfficialTemplate.SectionTitle(6)}</h2>\n<p>本年度未收取信息处理费。</p>\n");
        sb.Append($"<p style=\"text-align:right\">{WebUtility.HtmlEncode(spec.Agency)}</p>\n<p style=\"text-align:right\">{spec.Year + 1}年1月20日</p>\n");
        sb.Append("</body></html>\n");
        return sb.ToString();
    }
}
