using Disclosure.Core.Layout;
using Disclosure.Layout;

namespace Disclosure.Tests.Layout;

/// <summary>A ruled table drawn without the inner column rules of its value area: columns completed from the text, or left to geometry.</summary>
public sealed class TextColumnsTests
{
    private const double Em = 10;

    private static IEnumerable<Glyph> Letters(string text, double x, double baseline) =>
        text.Select((c, i) => new Glyph(c.ToString(), new BoundingBox(x + i * Em, baseline - Em, x + (i + 1) * Em, baseline), Em));

    /// <summary>Rows 80–100 (header), 100–120, 120–140; column rules only at the table's sides and after the label.</summary>
    private static TextLayerPage Page(IEnumerable<Glyph> letters)
    {
        double[] xs = [50, 100, 250];
        double[] ys = [80, 100, 120, 140];
        return new TextLayerPage(1, 595, 842, [.. letters])
        {
            Horizontal = [.. ys.Select(y => new RuleSegment(y, 50, 250))],
            Vertical = [.. xs.Select(x => new RuleSegment(x, 80, 140))],
        };
    }

    private static IEnumerable<Glyph> Body(string a1, string b1, string c1, string a2, string b2, string c2) =>
    [
        .. Letters("规章", 55, 115), .. Letters(a1, 118, 115), .. Letters(b1, 168, 115), .. Letters(c1, 215, 115),
        .. Letters("文件", 55, 135), .. Letters(a2, 118, 135), .. Letters(b2, 168, 135), .. Letters(c2, 215, 135),
    ];

    [Fact]
    public void Values_are_split_at_the_white_stripes_their_header_confirms()
    {
        var page = Page([.. Letters("信息", 55, 95), .. Letters("制发", 110, 95), .. Letters("废止", 160, 95), .. Letters("有效", 210, 95), .. Body("5", "9", "12", "7", "1", "3")]);

        var grid = Assert.Single(VectorTables.Read(page).Grids);

        Assert.Equal(4, grid.Xs.Count - 1);
        string Text(int row, int col) => grid.Cells.Single(c => c.Row == row && c.Column == col).Text;
        Assert.Equal(["信息", "制发", "废止", "有效"], Enumerable.Range(0, 4).Select(c => Text(0, c)));
        Assert.Equal(["规章", "5", "9", "12"], Enumerable.Range(0, 4).Select(c => Text(1, c)));
        Assert.Equal(["文件", "7", "1", "3"], Enumerable.Range(0, 4).Select(c => Text(2, c)));
    }

    [Fact]
    public void Without_a_header_confirming_the_columns_the_table_is_left_to_geometry()
    {
        var page = Page(Body("5", "9", "12", "7", "1", "3"));

        var read = VectorTables.Read(page);

        Assert.Empty(read.Grids);
        Assert.Contains(read.Words.Words, w => w.Text == "12");
    }

    [Fact]
    public void A_column_blank_in_every_row_under_its_header_is_not_guessed()
    {
        // 废止 has no value anywhere: the values show two columns, the header three.
        var page = Page([.. Letters("信息", 55, 95), .. Letters("制发", 110, 95), .. Letters("废止", 160, 95), .. Letters("有效", 210, 95), .. Body("5", "", "12", "7", "", "3")]);

        Assert.Empty(VectorTables.Read(page).Grids);
    }
}
