using System.Text;
using Disclosure.Core.Contract;
using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Disclosure.Readers.Html;
using Disclosure.Readers.Text;
using Disclosure.Tests.Readers.Support;

namespace Disclosure.Tests.Readers;

public sealed class HtmlReaderTests
{
    private const string Seed001 = "001_f6b3b7a6d887a97c";
    private const string Seed004 = "004_cbc979190ed8f941";

    private static LayoutDocument Read(byte[] bytes) => LayoutAssert.Ok(new HtmlReader().Read(bytes));

    private static LayoutDocument Read(string html) => Read(Encoding.UTF8.GetBytes(html));

    private static string Page(string body) => $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>{body}</body></html>";

    [Fact]
    public void Seed_2021_page_in_a_layout_table_gives_official_merged_grids_and_paragraphs()
    {
        var html = HtmlRenderer.Render(SeedReport.Load(Seed004), new HtmlStyle("utf-8", LayoutWrapper: true, SiteChrome: true));
        var doc = Read(Encoding.UTF8.GetBytes(html));

        // The layout table is not a table of its own; the three report tables are.
        Assert.Equal(3, doc.Tables.Count());
        LayoutAssert.OfficialTable3(doc, TemplateVersion.V2021, LayoutAssert.Seed004Row1, headers: false);
        LayoutAssert.OfficialTable4(doc, LayoutAssert.Seed004Table4);

        var paragraphs = doc.Paragraphs.Select(p => p.Text).ToList();
        Assert.Contains("河南三门峡经济开发区管理委员会 2023 年政府信息公开工作年度报告", paragraphs);
        Assert.Contains("一、总体情况", paragraphs);
        Assert.Contains("六、其他需要报告的事项", paragraphs);
        Assert.DoesNotContain(paragraphs, p => p.Contains("tpl", StringComparison.Ordinal) || p.Contains("td{", StringComparison.Ordinal));
        Assert.All(doc.Blocks, b => Assert.Equal(1, b.Page));

        // Reading order: section 三's heading comes before table 3, table 3 before section 四's heading.
        var blocks = doc.Blocks.ToList();
        var heading3 = blocks.FindIndex(b => b is LayoutParagraph { Text: "三、收到和处理政府信息公开申请情况" });
        var table3 = blocks.FindIndex(b => b is LayoutTable t && t.Cells.Any(c => c.Text == "申请人情况"));
        var heading4 = blocks.FindIndex(b => b is LayoutParagraph { Text: "四、政府信息公开行政复议、行政诉讼情况" });
        Assert.True(heading3 >= 0 && heading3 < table3 && table3 < heading4, $"order {heading3} {table3} {heading4}");
    }

    [Fact]
    public void Seed_2019_page_encoded_gbk_with_th_headers()
    {
        var report = SeedReport.Load(Seed001, headerCells: true);
        var bytes = TextDecoder.Gb18030.GetBytes(HtmlRenderer.Render(report, new HtmlStyle("gb2312")));
        var doc = Read(bytes);

        LayoutAssert.OfficialTable3(doc, TemplateVersion.V2019, LayoutAssert.Seed001Row1, headers: true);
        LayoutAssert.OfficialTable4(doc, LayoutAssert.Seed001Table4);
        Assert.Contains(doc.Notes, n => n.Contains("gb18030", StringComparison.Ordinal));
        Assert.Contains(doc.Paragraphs, p => p.Text == "新乡市卫滨区人民政府办公室2019年政府信息公开工作年度报告");

        // Table 2 keeps its section rows spanning the table and the 4-column body.
        var t2 = LayoutAssert.TableWith(doc, "政府集中采购");
        LayoutAssert.Cell(t2, 0, 0, "第二十条第（一）项", 1, 4);
        var procurement = t2.Cells.Single(c => c.Text == "政府集中采购");
        Assert.Equal("14.2404", t2.Cells.Single(c => c.Row == procurement.Row && c.Column == 2).Text);
    }

    [Fact]
    public void Committed_gbk_page_with_labels_split_across_span_and_font()
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "html", "gbk_fragments.html"));
        var doc = Read(bytes);

        Assert.Equal("某县人民政府办公室2022年政府信息公开工作年度报告", doc.Paragraphs.First().Text);
        Assert.Contains(doc.Paragraphs, p => p.Text == "全年主动公开政府信息1280条，收到申请12件。");
        var t = LayoutAssert.TableWith(doc, "申请人情况");
        LayoutAssert.NoOverlaps(t);
        LayoutAssert.Cell(t, 0, 0, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3);
        LayoutAssert.Cell(t, 1, 3, "自然人", 2, 1);
        LayoutAssert.Cell(t, 1, 4, "法人或其他组织", 1, 5);
        LayoutAssert.Cell(t, 1, 9, "总计", 2, 1);
        LayoutAssert.Cell(t, 2, 4, "商业企业");
        LayoutAssert.Cell(t, 2, 5, "科研机构");
        LayoutAssert.Cell(t, 3, 3, "12");
        LayoutAssert.Cell(t, 4, 0, "三、本年度办理结果", 2, 1);
        LayoutAssert.Cell(t, 4, 1, "（一）予以公开", 1, 2);
        LayoutAssert.Cell(t, 5, 1, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, 2);
        LayoutAssert.Cell(t, 5, 3, "2");
        Assert.Contains(doc.Notes, n => n.Contains("gbk", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("utf-8")]
    public void Gbk_bytes_without_or_against_their_declaration_fall_back_to_gb18030(string declared)
    {
        var meta = declared == "none" ? "" : $"<meta charset=\"{declared}\">";
        var bytes = TextDecoder.Gb18030.GetBytes($"<html><head>{meta}</head><body><p>三、收到和处理政府信息公开申请情况</p></body></html>");
        Assert.Equal("三、收到和处理政府信息公开申请情况", Read(bytes).Paragraphs.Single().Text);
    }

    [Theory]
    [InlineData("utf-16le-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-8-bom")]
    public void Unicode_encodings_with_and_without_bom(string encoding)
    {
        var html = Page("<table><tr><td>法人或<span>其他组织</span></td></tr></table>");
        byte[] bytes = encoding switch
        {
            "utf-16le-bom" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(html)],
            "utf-16le" => Encoding.Unicode.GetBytes(html),
            "utf-16be" => Encoding.BigEndianUnicode.GetBytes(html),
            _ => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(html)],
        };
        var t = Assert.Single(Read(bytes).Tables);
        LayoutAssert.Cell(t, 0, 0, "法人或其他组织");
    }

    [Fact]
    public void Truncated_page_cut_mid_table_keeps_what_is_there()
    {
        var html = HtmlRenderer.Render(SeedReport.Load(Seed004), new HtmlStyle());
        var tableStart = html.IndexOf("勾稽关系", StringComparison.Ordinal);
        var cut = tableStart;
        for (var i = 0; i < 12; i++)
        {
            cut = html.IndexOf("<tr>", cut + 1, StringComparison.Ordinal);
        }

        // Cut inside row 12, and inside a multi-byte character.
        var bytes = Encoding.UTF8.GetBytes(html[..(cut + 60)] + "属");
        bytes = bytes[..^1];
        var doc = Read(bytes);

        Assert.Contains(doc.Paragraphs, p => p.Text == "一、总体情况");
        Assert.Equal(2, doc.Tables.Count());
        var t = LayoutAssert.TableWith(doc, "申请人情况");
        LayoutAssert.NoOverlaps(t);
        Assert.InRange(t.RowCount, 12, 13);
        LayoutAssert.Cell(t, 7, 1, "（三）不予公开", t.RowCount - 7, 1);
        LayoutAssert.Cell(t, 5, 0, "三、本年度办理结果", t.RowCount - 5, 1);
        LayoutAssert.Cell(t, 11, 2, "5.属于三类内部事务信息");
    }

    [Theory]
    [InlineData("<html><body><img src=\"scan.png\"></body></html>")]
    [InlineData("<html><head><title>x</title><script>var a = '很多文字';</script></head><body>  &nbsp; </body></html>")]
    [InlineData("<table><tr><td></td><td> </td></tr></table>")]
    public void Page_without_text_fails_as_corrupt(string html) =>
        LayoutAssert.Failed(new HtmlReader().Read(Encoding.UTF8.GetBytes(html)), FailureCodes.Corrupt, "没有可读取的文字");

    [Fact]
    public void Empty_and_oversized_input_fail_with_codes()
    {
        LayoutAssert.Failed(new HtmlReader().Read([]), FailureCodes.Empty, "文件为空");
        var small = new HtmlReader(new ReadLimits { MaxBytes = 10 });
        LayoutAssert.Failed(small.Read(Encoding.UTF8.GetBytes(Page("<p>一二三四五</p>"))), FailureCodes.TooLarge, "过大");
    }

    public static TheoryData<string, string> GridCases => new()
    {
        // A rowspan in the middle column: the next row's second cell moves past it.
        { "<tr><td>a</td><td rowspan=2>b</td><td>c</td></tr><tr><td>d</td><td>e</td></tr>", "a@0,0 b@0,1r2 c@0,2 d@1,0 e@1,2" },
        // rowspan=0 runs to the end of the table.
        { "<tr><td rowspan=0>a</td><td>b</td></tr><tr><td>c</td></tr><tr><td>d</td></tr>", "a@0,0r3 b@0,1 c@1,1 d@2,1" },
        // A rowspan past the last row is clipped.
        { "<tr><td rowspan=10>a</td><td>b</td></tr><tr><td>c</td></tr>", "a@0,0r2 b@0,1 c@1,1" },
        // Garbage and absurd spans are read as browsers read them.
        { "<tr><td colspan=\"2x\">a</td><td colspan=abc>b</td></tr><tr><td colspan=99999>c</td></tr>", "a@0,0c2 b@0,2 c@1,0c1000" },
        // Hidden rows (Word's spacer rows) and th cells.
        { "<thead><tr><th>h</th></tr></thead><tr style=\"display: none\"><td>x</td></tr><tr><td>v</td></tr>", "h@0,0H v@1,0" },
        // Rows in thead/tbody/tfoot come in document order.
        { "<tbody><tr><td>1</td></tr></tbody><tfoot><tr><td>2</td></tr></tfoot>", "1@0,0 2@1,0" },
    };

    [Theory]
    [MemberData(nameof(GridCases))]
    public void Grid_positions_follow_the_html_table_model(string rows, string expected)
    {
        var t = Assert.Single(Read(Page($"<table>{rows}</table>")).Tables);
        var actual = string.Join(" ", t.Cells.Select(c =>
            $"{c.Text}@{c.Row},{c.Column}{(c.RowSpan > 1 ? "r" + c.RowSpan : "")}{(c.ColumnSpan > 1 ? "c" + c.ColumnSpan : "")}{(c.IsHeader ? "H" : "")}"));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("<td><p>结果</p><p>维持</p></td>", "结果维持")]
    [InlineData("<td>结果<br/>维持</td>", "结果维持")]
    [InlineData("<td><span>1.</span><span>属于</span>\n   <font>国家秘密</font></td>", "1.属于国家秘密")]
    [InlineData("<td>&nbsp;结果&nbsp;维持&#12288;</td>", "结果 维持")]
    [InlineData("<td>Total<br>12</td>", "Total 12")]
    [InlineData("<td>危及“三安全<b>一稳定”</b>（注）</td>", "危及“三安全一稳定”（注）")]
    [InlineData("<td>2,157.936<script>x=1</script><style>p{}</style></td>", "2,157.936")]
    public void Cell_text_joins_fragments_and_keeps_cjk_punctuation(string cell, string expected)
    {
        var t = Assert.Single(Read(Page($"<table><tr>{cell}</tr></table>")).Tables);
        Assert.Equal(expected, Assert.Single(t.Cells).Text);
    }

    [Fact]
    public void Block_elements_and_br_make_separate_paragraphs()
    {
        var doc = Read(Page("<h1>标题</h1><p>第一行<br>第二行</p><div>甲<div>乙</div>丙</div><ul><li>一</li><li>二</li></ul><pre>行1\n行2</pre>"));
        Assert.Equal(["标题", "第一行", "第二行", "甲", "乙", "丙", "一", "二", "行1", "行2"], doc.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Table_holding_a_table_is_read_as_layout_and_the_inner_table_keeps_its_grid()
    {
        var doc = Read(Page("<table><tr><td>外层说明</td><td><p>表前文字</p><table><tr><td rowspan=2>内1</td><td>内2</td></tr><tr><td>内3</td></tr></table></td></tr></table><p>表后</p>"));
        Assert.Equal(["外层说明", "表前文字", "表后"], doc.Paragraphs.Select(p => p.Text));
        var inner = Assert.Single(doc.Tables);
        LayoutAssert.Cell(inner, 0, 0, "内1", 2, 1);
        LayoutAssert.Cell(inner, 1, 1, "内3");
        var blocks = doc.Blocks.ToList();
        Assert.IsType<LayoutTable>(blocks[2]);
    }

    [Fact]
    public void Pathological_nesting_does_not_overflow_the_stack()
    {
        // 1,800 open elements: far deeper than the walker's own recursion (200), just under the depth budget (2,000;
        // deeper pages are refused before parsing, see HostileRegressionTests).
        const int depth = 900;
        var html = new StringBuilder("<html><body>");
        for (var i = 0; i < depth; i++)
        {
            html.Append("<div><span>");
        }

        html.Append("深处的文字");
        html.Append("</body></html>");
        var doc = Read(html.ToString());
        Assert.Contains(doc.Paragraphs, p => p.Text.Contains("深处的文字", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_matches_Read()
    {
        var bytes = Encoding.UTF8.GetBytes(Page("<p>一、总体情况</p>"));
        var outcome = await new HtmlReader().ReadAsync(bytes, CancellationToken.None);
        Assert.Equal(SourceFormat.Html, new HtmlReader().Format);
        Assert.Equal("一、总体情况", Assert.Single(LayoutAssert.Ok(outcome).Paragraphs).Text);
    }
}
