using Disclosure.Core.Layout;
using Disclosure.Layout;

namespace Disclosure.Tests.Layout;

/// <summary>Ruled tables placed among paragraphs, and a table cut by a page break joined when its columns line up.</summary>
public sealed class GridTablesTests
{
    private static GridPart Part(int page, double top, double[] xs, params string[][] rows)
    {
        var cells = rows.SelectMany((r, i) => r.Select((t, c) => new LayoutCell(i, c, t, Page: page))).ToList();
        return new GridPart(page, xs, new BoundingBox(xs[0], top, xs[^1], top + 20 * rows.Length), GridTables.MarkHeaders(cells));
    }

    [Fact]
    public void A_table_continued_on_the_next_page_is_one_table_with_the_header_rows_of_its_first_part()
    {
        var first = Part(1, 600, [50, 200, 300, 400], ["信息内容", "甲", "乙"], ["行政许可", "1", "2"]);
        var second = Part(2, 80, [53, 203, 303, 403], ["行政处罚", "3", "4"]);
        LayoutBlock[] blocks = [new LayoutParagraph(1, "二、主动公开", new BoundingBox(50, 500, 400, 520)), new LayoutParagraph(2, "三、收到", new BoundingBox(50, 300, 400, 320))];

        var merged = GridTables.Merge(blocks, [first, second]);

        Assert.Equal(3, merged.Count);
        var table = Assert.IsType<LayoutTable>(merged[1]);
        Assert.Equal(3, table.RowCount);
        Assert.Equal(3, table.ColumnCount);
        Assert.Equal(["行政处罚", "3", "4"], table.Cells.Where(c => c.Row == 2).OrderBy(c => c.Column).Select(c => c.Text));
        Assert.All(table.Cells, c => Assert.Equal(c.Row == 0, c.IsHeader));
        Assert.Equal("三、收到", Assert.IsType<LayoutParagraph>(merged[2]).Text);
    }

    [Fact]
    public void Tables_whose_columns_do_not_line_up_stay_apart()
    {
        var first = Part(1, 600, [50, 200, 300, 400], ["行政许可", "1", "2"]);
        var second = Part(2, 80, [50, 120, 180, 260, 330, 400], ["结果维持", "1", "2", "3", "4"]);

        Assert.Equal(2, GridTables.Merge([], [first, second]).Count);
    }

    [Fact]
    public void A_paragraph_between_the_parts_keeps_them_apart()
    {
        var first = Part(1, 600, [50, 200, 300, 400], ["行政许可", "1", "2"]);
        var second = Part(2, 300, [50, 200, 300, 400], ["行政处罚", "3", "4"]);

        var merged = GridTables.Merge([new LayoutParagraph(2, "四、行政复议", new BoundingBox(50, 100, 400, 120))], [first, second]);

        Assert.Equal(3, merged.Count);
    }

    [Fact]
    public void A_section_label_cut_by_the_page_break_spans_its_sub_rows_on_the_next_page_as_one_cell()
    {
        // Page 1 ends with the first sub-row of （六）, whose label wrapped: "（" above the break, "六）其他处理" below,
        // where the label cell spans its three sub-rows.
        double[] xs = [50, 100, 250, 300];
        var first = Part(1, 600, xs, ["信息内容", "", "总计"], ["（", "1.申请人无正", "7"]);
        LayoutCell[] cells =
        [
            new(0, 0, "六）其他处理", RowSpan: 3, Page: 2), new(0, 1, "当理由逾期不补正", Page: 2), new(0, 2, "", Page: 2),
            new(1, 1, "2.逾期未缴费", Page: 2), new(1, 2, "0", Page: 2),
            new(2, 1, "3.其他", Page: 2), new(2, 2, "8", Page: 2),
        ];
        var second = new GridPart(2, xs, new BoundingBox(50, 80, 300, 140), cells);

        var table = Assert.IsType<LayoutTable>(Assert.Single(GridTables.Merge([], [first, second])));

        Assert.Equal(4, table.RowCount);
        var label = Assert.Single(table.Cells, c => c.Column == 0 && c.Row == 1);
        Assert.Equal(("（六）其他处理", 3), (label.Text, label.RowSpan));
        Assert.Contains(table.Cells, c => c is { Row: 1, Column: 1, Text: "1.申请人无正当理由逾期不补正" });
        Assert.Contains(table.Cells, c => c is { Row: 3, Column: 1, Text: "3.其他" });
        Assert.DoesNotContain(table.Cells, c => c.Text == "六）其他处理");
    }
}
