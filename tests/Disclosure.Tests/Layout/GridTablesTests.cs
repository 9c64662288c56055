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
}
