using Disclosure.Core.Contract;
using Disclosure.Core.Extraction;
using Disclosure.Core.Layout;

namespace Disclosure.Tests.Extraction;

/// <summary>
/// Values go to the column geometry puts them under, never by their order in the row (issue 10): table-2 rows of the
/// 2021 format with one value column, values under no header, and a header read twice. Cases as data on grids built here.
/// </summary>
public sealed class GeometryPlacementCases
{
    /// <summary>A table-2 block: item row, header row, data rows; each row is (column, span, text) cells.</summary>
    public sealed record Case(string Name, (int Col, int Span, string Text)[][] Rows, Dictionary<string, decimal?> Expected, string[] Flagged)
    {
        public override string ToString() => Name;
    }

    public static readonly Case[] All =
    [
        new("2021 one-value row: the value under its header, empty cells beside it",
            [
                [(0, 4, "第二十条第（五）项")],
                [(0, 1, "信息内容"), (1, 1, ""), (2, 1, "本年处理决定数量"), (3, 1, "")],
                [(0, 1, "行政许可"), (1, 1, ""), (2, 1, "19"), (3, 1, "")],
            ],
            new() { ["t2.licensing.decisions"] = 19 }, []),
        new("2021 one-value row spanning three grid columns (DOCX, HTML)",
            [
                [(0, 4, "第二十条第（六）项")],
                [(0, 1, "信息内容"), (1, 3, "本年处理决定数量")],
                [(0, 1, "行政处罚"), (1, 3, "7")],
                [(0, 1, "行政强制"), (1, 3, "0")],
            ],
            new() { ["t2.penalty.decisions"] = 7, ["t2.enforcement.decisions"] = 0 }, []),
        new("three columns, the middle one blank: no shift to the left",
            [
                [(0, 4, "第二十条第（一）项")],
                [(0, 1, "信息内容"), (1, 1, "本年制发件数"), (2, 1, "本年废止件数"), (3, 1, "现行有效件数")],
                [(0, 1, "规章"), (1, 1, "3"), (2, 1, ""), (3, 1, "12")],
            ],
            new() { ["t2.regulations.issued"] = 3, ["t2.regulations.repealed"] = null, ["t2.regulations.in_force"] = 12 }, []),
        new("a value under no header is not taken by order: null and flagged",
            [
                [(0, 5, "第二十条第（五）项")],
                [(0, 1, "信息内容"), (2, 1, "本年处理决定数量")],
                [(0, 1, "行政许可"), (4, 1, "19")],
            ],
            new() { ["t2.licensing.decisions"] = null }, ["t2.licensing.decisions"]),
    ];

    public static TheoryData<Case> Cases() => new(All);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Placed_by_geometry(Case c)
    {
        var cells = c.Rows.SelectMany((row, r) => row.Select(cell => new LayoutCell(r, cell.Col, cell.Text, ColumnSpan: cell.Span))).ToList();
        var report = TemplateExtractor.Extract(new LayoutDocument(SourceFormat.Pdf, 1,
        [
            new LayoutParagraph(1, "二、主动公开政府信息情况"),
            new LayoutTable(1, cells, GridKind.Grid),
        ]));
        foreach (var (key, value) in c.Expected)
        {
            Assert.Equal(value, report.Value(key));
        }

        foreach (var key in c.Flagged)
        {
            Assert.Contains(key, report.UncertainCells);
        }

        Assert.Equal(c.Flagged.Length > 0, report.Findings.Any(f => f.Code == FindingCodes.ExtractionUncertain && f.Cells.Intersect(c.Flagged).Any()));
    }

    /// <summary>A label column merged away by the reader (table 2 with no inner rules) leaves figure rows without labels.</summary>
    [Theory]
    [InlineData("二、主动公开政府信息情况", "信息内容|本年制发件数|本年废止件数|现行有效件数", "规章|3|0|12", "|9|12|16")]
    [InlineData("三、收到和处理政府信息公开申请情况", "|自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计", "一、本年新收政府信息公开申请数量|5|1|0|0|0|0|6", "|1|0|0|0|0|0|1")]
    public void Figures_without_a_label_are_a_doubtful_reading_not_a_deviation(string heading, params string[] rows)
    {
        var cells = rows.SelectMany((row, r) => row.Split('|').Select((text, c) => new LayoutCell(r, c, text, IsHeader: r == 0))).ToList();
        var report = TemplateExtractor.Extract(new LayoutDocument(SourceFormat.Pdf, 1, [new LayoutParagraph(1, heading), new LayoutTable(1, cells, GridKind.Grid)]));

        Assert.DoesNotContain(report.Findings, f => f.Code == FindingCodes.TemplateDeviation && f.Message.Contains("无法识别的行", StringComparison.Ordinal));
        Assert.Single(report.Findings, f => f.Code == FindingCodes.ExtractionUncertain && f.Message.Contains("未读出行名", StringComparison.Ordinal));
    }

    [Fact]
    public void A_header_read_twice_does_not_fail_the_report()
    {
        // 总计 printed over two lines and read as two header cells, with 自然人 unread: column inference must not throw.
        var cells = new List<LayoutCell>();
        string[] header = ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计", "总计"];
        for (var col = 0; col < header.Length; col++)
        {
            cells.Add(new LayoutCell(0, col, header[col], IsHeader: true));
        }

        string[] row = ["一、本年新收政府信息公开申请数量", "5", "1", "0", "0", "0", "0", "6", ""];
        for (var col = 0; col < row.Length; col++)
        {
            cells.Add(new LayoutCell(1, col, row[col]));
        }

        var report = TemplateExtractor.Extract(new LayoutDocument(SourceFormat.Pdf, 1,
        [
            new LayoutParagraph(1, "三、收到和处理政府信息公开申请情况"),
            new LayoutTable(1, cells, GridKind.Grid),
        ]));
        Assert.Equal(6m, report.Value("t3.new_received.total"));
    }
}
