using System.Globalization;
using Disclosure.Core.Contract;

namespace Disclosure.Review;

/// <summary>One row of the index: a report's result and the relative link to its page.</summary>
public sealed record ReviewIndexEntry(ReportResult Result, string Href);

/// <summary>
/// The index of review pages `disclosure check --html` writes: one sortable table (agency, year, status, counts). The only
/// script is the inline sorter; without it the table still reads in file order.
/// </summary>
public static class ReviewIndex
{
    private const string Sorter = """
document.querySelectorAll('th button[data-col]').forEach(function(b){b.addEventListener('click',function(){
var t=b.closest('table'),i=+b.dataset.col,num=b.dataset.type==='num',tb=t.tBodies[0],rows=Array.from(tb.rows);
var dir=b.getAttribute('aria-sort-dir')==='asc'?-1:1;t.querySelectorAll('th').forEach(function(h){h.removeAttribute('aria-sort')});
rows.sort(function(x,y){var a=x.cells[i].dataset.sort,c=y.cells[i].dataset.sort;return dir*(num?(+a)-(+c):a.localeCompare(c,'zh-CN'))});
rows.forEach(function(r){tb.appendChild(r)});b.setAttribute('aria-sort-dir',dir===1?'asc':'desc');
b.closest('th').setAttribute('aria-sort',dir===1?'ascending':'descending');});});
""";

    public static string Render(IReadOnlyList<ReviewIndexEntry> entries, DateTimeOffset generatedAt)
    {
        var w = new HtmlWriter();
        w.Raw("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">")
            .Raw("<title>年度报告审阅列表</title><style>").Raw(ReviewStyles.Css)
            .Raw("table.index{border-collapse:collapse;width:100%}table.index th,table.index td{border:1px solid #999;padding:4px 8px;text-align:left}table.index td.n{text-align:right}th button{font:inherit;font-weight:bold;background:none;border:0;cursor:pointer;padding:0}th button::after{content:\" ⇅\"}</style></head><body>")
            .Raw("<h1>年度报告审阅列表</h1><p>").Text($"共 {entries.Count} 份报告；生成于 {generatedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}（北京时间）。点击列名排序。")
            .Raw("</p><table class=\"index\"><thead><tr>");
        var columns = new (string Name, string Type)[] { ("机关", "text"), ("年度", "num"), ("状态", "num"), ("✖ 错误", "num"), ("⚠ 警告", "num"), ("？ 存疑读数", "num"), ("源文件", "text") };
        for (var i = 0; i < columns.Length; i++)
        {
            w.Raw("<th scope=\"col\"><button type=\"button\"").Attr("data-col", i.ToString(CultureInfo.InvariantCulture)).Attr("data-type", columns[i].Type).Raw(">")
                .Text(columns[i].Name).Raw("</button></th>");
        }

        w.Raw("</tr></thead><tbody>");
        foreach (var (result, href) in entries)
        {
            var counts = ReviewCounts.Of(result);
            var (cls, text) = ReviewPage.Status(result);
            var rank = result.Status == ResultStatus.Failed ? 3 : cls == "error" ? 2 : cls == "warning" ? 1 : 0;
            w.Raw("<tr").Attr("data-status", result.Status.ToString().ToLowerInvariant()).Raw("><td").Attr("data-sort", result.Report.Agency ?? "").Raw("><a").Attr("href", href).Raw(">")
                .Text(result.Report.Agency ?? "（机关未识别）").Raw("</a></td>");
            Num(w, result.Report.Year ?? 0, result.Report.Year?.ToString(CultureInfo.InvariantCulture) ?? "—");
            w.Raw("<td").Attr("data-sort", rank.ToString(CultureInfo.InvariantCulture)).Raw("><span").Attr("class", "status " + cls).Raw(">").Text(text).Raw("</span></td>");
            Num(w, counts.Errors, counts.Errors.ToString(CultureInfo.InvariantCulture));
            Num(w, counts.Warnings, counts.Warnings.ToString(CultureInfo.InvariantCulture));
            Num(w, counts.Doubtful, counts.Doubtful.ToString(CultureInfo.InvariantCulture));
            w.Raw("<td").Attr("data-sort", result.Source.Name).Raw(">").Text(result.Source.Name).Raw("</td></tr>");
        }

        w.Raw("</tbody></table><script>").Raw(Sorter).Raw("</script></body></html>\n");
        return w.ToString();
    }

    private static void Num(HtmlWriter w, int sort, string text) =>
        w.Raw("<td class=\"n\"").Attr("data-sort", sort.ToString(CultureInfo.InvariantCulture)).Raw(">").Text(text).Raw("</td>");
}
