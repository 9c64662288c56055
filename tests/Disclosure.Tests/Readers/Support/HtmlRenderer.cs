using System.Net;
using System.Text;

namespace Disclosure.Tests.Readers.Support;

/// <summary>How a rendition looks: the charset it declares, whether a layout table wraps the page (as on many government
/// sites), whether header cells are &lt;th&gt;, and whether labels are split over &lt;span&gt;/&lt;font&gt; fragments.</summary>
internal sealed record HtmlStyle(string Charset = "utf-8", bool LayoutWrapper = false, bool SplitFragments = true, bool SiteChrome = false);

/// <summary>Renders a seed report as a Word-exported-looking HTML page (fragments, MsoNormal paragraphs, nbsp indents).</summary>
internal static class HtmlRenderer
{
    public static string Render(SeedReport report, HtmlStyle style)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n");
        sb.Append("<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n");
        sb.Append($"<meta http-equiv=\"Content-Type\" content=\"text/html; charset={style.Charset}\" />\n");
        sb.Append($"<title>{Esc(report.Title)}</title>\n");
        sb.Append("<style>td{border:1px solid #000;font-size:10.5pt}</style>\n");
        sb.Append("<script type=\"text/javascript\">var tpl = \"<table><tr><td>99</td></tr></table>\"; document.title = '总计 100';</script>\n");
        sb.Append("</head>\n<body>\n");
        if (style.LayoutWrapper)
        {
            sb.Append("<table width=\"1000\" align=\"center\" cellpadding=\"0\" cellspacing=\"0\"><tr><td class=\"main\">\n");
        }

        if (style.SiteChrome)
        {
            sb.Append("<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/zwgk\">政务公开</a></div>\n");
        }

        sb.Append("<div class=\"article\">\n");
        foreach (var block in report.Blocks)
        {
            switch (block)
            {
                case SeedParagraph { Heading: true } p when p.Text == report.Title:
                    sb.Append("<p class=\"MsoNormal\" align=\"center\" style=\"text-align:center\"><b>")
                        .Append(Fragments(p.Text, style)).Append("</b></p>\n");
                    break;
                case SeedParagraph { Heading: true } p:
                    sb.Append("<p class=\"MsoNormal\"><strong>").Append(Fragments(p.Text, style)).Append("</strong></p>\n");
                    break;
                case SeedParagraph p:
                    sb.Append("<p class=\"MsoNormal\" style=\"text-indent:2em\">&nbsp;&nbsp;").Append(Fragments(p.Text, style)).Append("</p>\n");
                    break;
                case SeedTable t:
                    RenderTable(sb, t.Table, style);
                    break;
            }
        }

        sb.Append("</div>\n");
        if (style.SiteChrome)
        {
            sb.Append("<div class=\"footer\">主办单位：人民政府办公室 &nbsp; 网站标识码：4107000001</div>\n");
        }

        if (style.LayoutWrapper)
        {
            sb.Append("</td></tr></table>\n");
        }

        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    public static void RenderTable(StringBuilder sb, TableSpec table, HtmlStyle style)
    {
        sb.Append("<table class=\"MsoNormalTable\" border=\"1\" cellspacing=\"0\" cellpadding=\"0\" style=\"border-collapse:collapse\">\n<tbody>\n");
        foreach (var row in table.Rows)
        {
            sb.Append("<tr>");
            foreach (var cell in row)
            {
                var tag = cell.Header ? "th" : "td";
                sb.Append('<').Append(tag);
                if (cell.RowSpan > 1)
                {
                    sb.Append($" rowspan=\"{cell.RowSpan}\"");
                }

                if (cell.ColumnSpan > 1)
                {
                    sb.Append($" colspan=\"{cell.ColumnSpan}\"");
                }

                sb.Append(" valign=\"center\"><p class=\"MsoNormal\" align=\"center\">").Append(Fragments(cell.Text, style)).Append("</p></").Append(tag).Append(">\n");
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</tbody>\n</table>\n");
    }

    /// <summary>
    /// Text as Word exports it: numbers in a lang span; labels cut in two, the halves in differently styled
    /// &lt;span&gt; and &lt;font&gt; elements with a source line break between them.
    /// </summary>
    public static string Fragments(string text, HtmlStyle style)
    {
        if (!style.SplitFragments || text.Length < 4)
        {
            return $"<span lang=\"EN-US\">{Esc(text)}</span>";
        }

        var mid = SplitPoint(text);
        if (mid <= 0)
        {
            return $"<span lang=\"EN-US\">{Esc(text)}</span>";
        }

        return $"<span style=\"font-family:仿宋_GB2312;font-size:16pt\">{Esc(text[..mid])}</span>\n<font face=\"宋体\">{Esc(text[mid..])}</font>";
    }

    /// <summary>The position nearest the middle between two CJK characters (a browser drops a line break there too); -1 if none.</summary>
    public static int SplitPoint(string text)
    {
        for (var d = 0; d < text.Length; d++)
        {
            foreach (var i in new[] { text.Length / 2 - d, text.Length / 2 + d })
            {
                if (i > 0 && i < text.Length && text[i - 1] >= '\u4E00' && text[i - 1] <= '\u9FFF' && text[i] >= '\u4E00' && text[i] <= '\u9FFF')
                {
                    return i;
                }
            }
        }

        return -1;
    }

    private static string Esc(string s) => WebUtility.HtmlEncode(s).Replace("&#12288;", "\u3000", StringComparison.Ordinal);
}
