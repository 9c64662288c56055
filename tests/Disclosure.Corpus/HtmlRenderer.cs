using System.Net;
using System.Text;
using Disclosure.Core.Contract;

namespace Disclosure.Corpus;

/// <summary>Renders a <see cref="ReportSpec"/> as a standard report in HTML (the official table layouts, merged cells included).</summary>
public static class HtmlRenderer
{
    private static readonly string[] Chinese = ["一", "二", "三", "四", "五", "六"];

    public static string Render(ReportSpec spec) => Render(spec, []);

    /// <summary>Renders and lists the printed table values in reading order (row-major), blanks skipped.</summary>
    public static string Render(ReportSpec spec, List<string> tableValues)
    {
        var v2021 = spec.Template == TemplateVersion.V2021;
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
        sb.Append($"<h2>{Chinese[0]}、总体情况</h2>\n");
        sb.Append($"<p>{spec.Year}年，{WebUtility.HtmlEncode(spec.Agency)}深入贯彻落实政务公开工作要点，围绕中心工作，进一步规范政府信息公开工作，保障人民群众的知情权、参与权和监督权。全年共收到政府信息公开申请{Plain("t3.new_received.total")}件，均在法定期限内答复。</p>\n");
        sb.Append($"<h2>{Chinese[1]}、主动公开政府信息情况</h2>\n<table>\n");
        void Head(string item, params string[] headers)
        {
            sb.Append($"<tr><td colspan=\"4\">{item}</td></tr>\n<tr><td>信息内容</td>");
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

        if (!v2021)
        {
            Head("第二十条第（一）项", "本年新制作数量", "本年新公开数量", "对外公开总数量");
            Row("规章", "t2.regulations", "made", "published", "total");
            Row("规范性文件", "t2.normative_docs", "made", "published", "total");
            Head("第二十条第（五）项", "上一年项目数量", "本年增/减", "处理决定数量");
            Row("行政许可", "t2.licensing", "previous", "change", "decisions");
            Row("其他对外管理服务事项", "t2.other_services", "previous", "change", "decisions");
            Head("第二十条第（六）项", "上一年项目数量", "本年增/减", "处理决定数量");
            Row("行政处罚", "t2.penalty", "previous", "change", "decisions");
            Row("行政强制", "t2.enforcement", "previous", "change", "decisions");
            Head("第二十条第（八）项", "上一年项目数量", "本年增/减");
            Row("行政事业性收费", "t2.fees", "previous", "change");
            Head("第二十条第（九）项", "采购项目数量", "采购总金额（单位：万元）");
            Row("政府集中采购", "t2.procurement", "count", "amount");
        }
        else
        {
            Head("第二十条第（一）项", "本年制发件数", "本年废止件数", "现行有效件数");
            Row("规章", "t2.regulations", "issued", "repealed", "in_force");
            Row("行政规范性文件", "t2.normative_docs", "issued", "repealed", "in_force");
            Head("第二十条第（五）项", "本年处理决定数量");
            Row("行政许可", "t2.licensing", "decisions");
            Head("第二十条第（六）项", "本年处理决定数量");
            Row("行政处罚", "t2.penalty", "decisions");
            Row("行政强制", "t2.enforcement", "decisions");
            Head("第二十条第（八）项", "本年收费金额（单位：万元）");
            Row("行政事业性收费", "t2.fees", "amount");
        }

        sb.Append("</table>\n");
        sb.Append($"<h2>{Chinese[2]}、收到和处理政府信息公开申请情况</h2>\n<table>\n");
        sb.Append("""
            <tr><td colspan="3" rowspan="3" style="width:34%">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
            <tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
            <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>

            """);
        void T3(string key, string cellsHtml)
        {
            sb.Append("<tr>").Append(cellsHtml);
            foreach (var c in CanonicalKeys.Table3Columns)
            {
                sb.Append($"<td class=\"n\">{V($"t3.{key}.{c}")}</td>");
            }

            sb.Append("</tr>\n");
        }

        var outcomeRows = v2021 ? 22 : 20;
        T3("new_received", "<td colspan=\"3\">一、本年新收政府信息公开申请数量</td>");
        T3("carried_over", "<td colspan=\"3\">二、上年结转政府信息公开申请数量</td>");
        T3("granted", $"<td rowspan=\"{outcomeRows}\" style=\"width:7%\">三、本年度办理结果</td><td colspan=\"2\">（一）予以公开</td>");
        T3("partially_granted", "<td colspan=\"2\">（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>");
        string[] denied = ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"];
        string[] deniedKeys = ["denied_state_secret", "denied_prohibited_by_law", "denied_three_safety", "denied_third_party", "denied_internal_affairs", "denied_process_info", "denied_enforcement_case", "denied_inquiry"];
        for (var i = 0; i < 8; i++)
        {
            T3(deniedKeys[i], (i == 0 ? "<td rowspan=\"8\" style=\"width:9%\">（三）不予公开</td>" : "") + $"<td>{denied[i]}</td>");
        }

        string[] unable = ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"];
        string[] unableKeys = ["unable_not_held", "unable_needs_creation", "unable_unclear"];
        for (var i = 0; i < 3; i++)
        {
            T3(unableKeys[i], (i == 0 ? "<td rowspan=\"3\">（四）无法提供</td>" : "") + $"<td>{unable[i]}</td>");
        }

        string[] rejected = ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"];
        string[] rejectedKeys = ["rejected_petition", "rejected_duplicate", "rejected_publication", "rejected_excessive", "rejected_confirmation"];
        for (var i = 0; i < 5; i++)
        {
            T3(rejectedKeys[i], (i == 0 ? "<td rowspan=\"5\">（五）不予处理</td>" : "") + $"<td>{rejected[i]}</td>");
        }

        if (v2021)
        {
            T3("other_no_correction", "<td rowspan=\"3\">（六）其他处理</td><td>1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请</td>");
            T3("other_no_fee", "<td>2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请</td>");
            T3("other_other", "<td>3.其他</td>");
        }
        else
        {
            T3("other", "<td colspan=\"2\">（六）其他处理</td>");
        }

        T3("results_total", "<td colspan=\"2\">（七）总计</td>");
        T3("carried_forward", "<td colspan=\"3\">四、结转下年度继续办理</td>");
        sb.Append("</table>\n");

        sb.Append($"<h2>{Chinese[3]}、政府信息公开行政复议、行政诉讼情况</h2>\n<table>\n");
        sb.Append("""
            <tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
            <tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
            <tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
            <tr>
            """);
        foreach (var g in CanonicalKeys.Table4Groups)
        {
            foreach (var c in CanonicalKeys.Table4Columns)
            {
                sb.Append($"<td class=\"n\">{V($"t4.{g}.{c}")}</td>");
            }
        }

        sb.Append("</tr>\n</table>\n");
        sb.Append($"<h2>{Chinese[4]}、存在的主要问题及改进情况</h2>\n<p>政务公开工作仍存在公开内容不够全面、解读形式较为单一等问题。下一步，我们将进一步完善工作机制，提升公开质量。</p>\n");
        sb.Append($"<h2>{Chinese[5]}、其他需要报告的事项</h2>\n<p>本年度未收取信息处理费。</p>\n");
        sb.Append($"<p style=\"text-align:right\">{WebUtility.HtmlEncode(spec.Agency)}</p>\n<p style=\"text-align:right\">{spec.Year + 1}年1月20日</p>\n");
        sb.Append("</body></html>\n");
        return sb.ToString();
    }
}
