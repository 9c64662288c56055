using Disclosure.Layout;
using Disclosure.Ocr;
using Disclosure.Ocr.Paddle;
using Disclosure.Ocr.Raster;
using Disclosure.Testing;
using static Disclosure.Ocr.Local.CellReader;

namespace Disclosure.Tests.Ocr;

/// <summary>
/// The scan reader's cell geometry below the recogniser (issue 11, lo-21-005-err / lo-21-011-err): a line cut into pieces
/// at wide gaps, faint rule remnants, and a table completed where a column rule is missing; glued values are flagged.
/// </summary>
public sealed class CellPiecesTests
{
    private static GrayImage Image(InkPage p) => new(p.Width, p.Height, p.Pixels);

    /// <summary>Ink blocks "x0-x1:y0-y1" on a 400×40 line (height 30, rows 5..35); expected pieces "x0-x1".</summary>
    [Theory]
    [InlineData("20-60:5-35,140-170:5-35", "20-60,140-170")] // two values an em and more apart (gap 80 > 30): two pieces
    [InlineData("20-60:5-35,75-100:5-35", "20-330")] // a word space (gap 15 < 30): one piece, the line as given
    [InlineData("20-60:5-35,300-306:30-35", "20-330")] // a speck far away stays with its neighbour: the line is read whole, as before
    [InlineData("20-60:5-35,140-170:5-35,300-330:5-35", "20-60,140-170,300-330")] // three columns' values
    public void A_line_is_cut_into_pieces_at_gaps_wider_than_its_height(string blocks, string expected)
    {
        var page = new InkPage(400, 40);
        foreach (var b in blocks.Split(','))
        {
            var (xs, ys) = (b.Split(':')[0].Split('-').Select(int.Parse).ToArray(), b.Split(':')[1].Split('-').Select(int.Parse).ToArray());
            page.Box(xs[0], ys[0], xs[1], ys[1]);
        }

        var pieces = CellPieces.Pieces(Image(page), new PixelBox(20, 5, 330, 35));

        Assert.Equal(expected, string.Join(",", pieces.Select(p => $"{p.Left}-{p.Right}")));
    }

    /// <summary>A 100-row interior with one vertical stroke: x0, x1, its rows, and whether it is a rule remnant (300 dpi: at most 8 px wide).</summary>
    [Theory]
    [InlineData(50, 53, 0, 100, true)] // a faint rule the grid missed, through the whole interior
    [InlineData(50, 53, 30, 70, false)] // a '1' or a stroke of a character: text height, not the interior's
    [InlineData(40, 70, 0, 100, false)] // a wide block is not a rule
    public void A_thin_stroke_through_the_whole_interior_is_a_rule_remnant(int x0, int x1, int y0, int y1, bool remnant)
    {
        var page = new InkPage(200, 100).Box(x0, y0, x1, y1, 130);

        var found = CellPieces.Remnants(Image(page), 300);

        Assert.Equal(remnant, found.Count == 1);
        Assert.All(CellPieces.Whiten(Image(page), found).Pixels.Where((_, i) => remnant && i % 200 >= x0 && i % 200 < x1), v => Assert.Equal(255, v));
    }

    private static CellPiece Piece(int left, int right, string text, int line = 0, int top = 10, int bottom = 40) =>
        new(line, new PixelBox(left, top, right, bottom), text, 0.99);

    [Fact]
    public void A_cell_across_one_of_the_tables_column_lines_holding_a_value_on_each_side_is_cut_there()
    {
        // Row 0: three cells; row 1: the rule at x=200 was not found, so one cell spans columns 1-2 with 31010 and 78152.
        var table = new RuledTable([0, 100, 200, 300], [0, 50, 100],
            [new(0, 0, 1, 1, 0, 0, 100, 50), new(0, 1, 1, 1, 100, 0, 200, 50), new(0, 2, 1, 1, 200, 0, 300, 50),
             new(1, 0, 1, 1, 0, 50, 100, 100), new(1, 1, 1, 2, 100, 50, 300, 100)]);
        IReadOnlyList<IReadOnlyList<CellPiece>> pieces = [[Piece(10, 50, "规章")], [Piece(130, 170, "0")], [Piece(230, 270, "94653")],
            [Piece(10, 50, "规范")], [Piece(120, 180, "31010", top: 60, bottom: 90), Piece(220, 280, "78152", top: 60, bottom: 90)]];

        var (done, donePieces) = CellPieces.Complete(table, pieces, [[], [], [], [], []], 300);

        Assert.Equal(6, done.Cells.Count);
        Assert.Equal([(1, 1, "31010"), (1, 2, "78152")], done.Cells.Select((c, k) => (c, k)).Where(x => x.c.Row == 1 && x.c.Column > 0)
            .Select(x => (x.c.Row, x.c.Column, CellPieces.Compose(donePieces[x.k]).Text)));
    }

    /// <summary>One cell across the line at x=200: its pieces "line/left-right:text", the remnant x inside it, and whether it is cut.</summary>
    [Theory]
    [InlineData("0/120-180:2,0/220-280:15", -1, true)] // two values on one line, one each side
    [InlineData("0/170-230:6", -1, false)] // one value centred across the line: a spanning cell
    [InlineData("0/120-180:3511.55", 201, true)] // the line's own rule, faint, runs through the cell
    [InlineData("0/120-180:采购总金额", -1, false)] // a header on one side only, no remnant: left spanning
    [InlineData("0/150-250:本年处理决定数量,1/120-180:6", 201, false)] // a label across the line is never cut
    public void Cutting_at_an_existing_column_line(string cell, int remnant, bool cut)
    {
        var table = new RuledTable([0, 100, 200, 300], [0, 50], [new(0, 0, 1, 1, 0, 0, 100, 50), new(0, 1, 1, 2, 100, 0, 300, 50)]);
        var own = cell.Split(',').Select(p =>
        {
            var (line, rest) = (int.Parse(p.Split('/')[0]), p.Split('/')[1]);
            var xs = rest.Split(':')[0].Split('-').Select(int.Parse).ToArray();
            return Piece(xs[0], xs[1], rest.Split(':')[1], line);
        }).ToList();

        var (done, _) = CellPieces.Complete(table, [[Piece(10, 50, "行政")], own], [[], remnant < 0 ? [] : [remnant]], 300);

        Assert.Equal(cut ? 3 : 2, done.Cells.Count);
    }

    [Fact]
    public void A_band_without_inner_value_rules_is_split_into_the_columns_its_header_confirms()
    {
        // lo-21-005-err: 信息内容 | 本年制发件数 本年废止件数 现行有效件数 / 规章 | 53178 10 2, one ruled cell per row.
        var table = new RuledTable([0, 100, 550], [0, 50, 100],
            [new(0, 0, 1, 1, 0, 0, 100, 50), new(0, 1, 1, 1, 100, 0, 550, 50), new(1, 0, 1, 1, 0, 50, 100, 100), new(1, 1, 1, 1, 100, 50, 550, 100)]);
        IReadOnlyList<IReadOnlyList<CellPiece>> pieces = [[Piece(10, 90, "信息内容")],
            [Piece(130, 250, "本年制发件数"), Piece(280, 400, "本年废止件数"), Piece(430, 540, "现行有效件数")],
            [Piece(10, 50, "规章", top: 60, bottom: 90)],
            [Piece(160, 220, "53178", top: 60, bottom: 90), Piece(330, 350, "10", top: 60, bottom: 90), Piece(480, 490, "2", top: 60, bottom: 90)]];

        var (done, donePieces) = CellPieces.Complete(table, pieces, [[], [], [], []], 300);

        Assert.Equal(4, done.Xs.Count - 1);
        Assert.Equal(["53178", "10", "2"], done.Cells.Select((c, k) => (c, k)).Where(x => x.c.Row == 1 && x.c.Column > 0).Select(x => CellPieces.Compose(donePieces[x.k]).Text));
    }

    /// <summary>
    /// lo-33-005-err page 2: table 2 continued from page 1, no inner value rules. Row 0 (规范性文件 0 0 0) has no header of
    /// its own on this page; row 1 is a section title across the table; row 2 its header; row 3 its values.
    /// </summary>
    private static (RuledTable Table, IReadOnlyList<IReadOnlyList<CellPiece>> Pieces) ContinuedTable2(params string[] topValues)
    {
        var table = new RuledTable([0, 100, 550], [0, 50, 100, 150, 200],
        [
            new(0, 0, 1, 1, 0, 0, 100, 50), new(0, 1, 1, 1, 100, 0, 550, 50),
            new(1, 0, 1, 2, 0, 50, 550, 100),
            new(2, 0, 1, 1, 0, 100, 100, 150), new(2, 1, 1, 1, 100, 100, 550, 150),
            new(3, 0, 1, 1, 0, 150, 100, 200), new(3, 1, 1, 1, 100, 150, 550, 200),
        ]);
        (int L, int R)[] at = [(160, 170), (330, 340), (480, 490)];
        IReadOnlyList<IReadOnlyList<CellPiece>> pieces =
        [
            [Piece(10, 50, "性文件", top: 10, bottom: 40)],
            [.. topValues.Select((v, i) => (v, i)).Where(x => x.v.Length > 0).Select(x => Piece(at[x.i].L, at[x.i].R, x.v, top: 10, bottom: 40))],
            [Piece(10, 200, "第二十条第（五）项", top: 60, bottom: 90)],
            [Piece(10, 90, "信息内容", top: 110, bottom: 140)],
            [Piece(130, 250, "上一年项目数量", top: 110, bottom: 140), Piece(280, 400, "本年增/减", top: 110, bottom: 140), Piece(430, 540, "处理决定数量", top: 110, bottom: 140)],
            [Piece(10, 50, "行政许可", top: 160, bottom: 190)],
            [Piece(160, 170, "0", top: 160, bottom: 190), Piece(330, 345, "-2", top: 160, bottom: 190), Piece(480, 490, "0", top: 160, bottom: 190)],
        ];
        return (table, pieces);
    }

    private static List<string> RowValues(RuledTable done, IReadOnlyList<IReadOnlyList<CellPiece>> pieces, int row) =>
        [.. done.Cells.Select((c, k) => (c, k)).Where(x => x.c.Row == row && x.c.Column > 0).OrderBy(x => x.c.Column).Select(x => CellPieces.Compose(pieces[x.k]).Text)];

    [Fact]
    public void A_row_without_a_header_on_its_page_takes_the_columns_the_tables_confirmed_band_found()
    {
        var (table, pieces) = ContinuedTable2("0", "0", "0");

        var (done, donePieces) = CellPieces.Complete(table, pieces, [.. pieces.Select(_ => (IReadOnlyList<int>)[])], 300);

        Assert.Equal(4, done.Xs.Count - 1);
        Assert.Equal(["0", "-2", "0"], RowValues(done, donePieces, 3));
        Assert.Equal(["0", "0", "0"], RowValues(done, donePieces, 0));
        Assert.DoesNotContain(donePieces, CellPieces.Merged);
    }

    [Fact]
    public void A_headerless_row_with_a_blank_column_stays_glued_and_flagged_while_the_confirmed_band_is_split()
    {
        // 0 _ 7: which column is blank would be a guess from position alone; the row is left whole (flagged), the band below is still split.
        var (table, pieces) = ContinuedTable2("0", "", "7");

        var (done, donePieces) = CellPieces.Complete(table, pieces, [.. pieces.Select(_ => (IReadOnlyList<int>)[])], 300);

        Assert.Equal(["0", "-2", "0"], RowValues(done, donePieces, 3));
        Assert.Equal(["0 7"], RowValues(done, donePieces, 0));
        Assert.Single(donePieces, CellPieces.Merged);
        Assert.True(PaddleCellReader.Finish(donePieces, new OcrOptions()).Single(c => c.Text == "07").Confidence <= 0.5);
    }

    [Fact]
    public void Values_of_several_columns_left_in_one_cell_are_flagged_not_trusted()
    {
        // No header confirms the columns (a table continued after a page break): 0 14 0 stays one cell, read 0140.
        IReadOnlyList<IReadOnlyList<CellPiece>> pieces = [[Piece(160, 170, "0"), Piece(330, 350, "14"), Piece(480, 490, "0")], [Piece(160, 220, "53178")]];

        var read = PaddleCellReader.Finish(pieces, new OcrOptions());

        Assert.Equal("0140", read[0].Text);
        Assert.True(read[0].Confidence <= 0.5);
        Assert.True(CellPieces.Merged(pieces[0]));
        Assert.False(CellPieces.Merged(pieces[1]));
    }

    /// <summary>
    /// lo-21-005-err p3: 行政规范性文件 | 0 14 0 at the top of a page without a header, its value cell one ruled cell
    /// (x 100-550). The previous page's last table had column lines <paramref name="previous"/> (this page's pixels, 300
    /// dpi: 2 pt = 8.3 px). Values are placed by those lines only when the outer lines match and no value straddles one.
    /// </summary>
    [Theory]
    [InlineData("", null)] // no previous page: left merged, flagged
    [InlineData("0,101,250,400,549", "0,14,0")] // the previous page's lines, 1 px off (straightened separately)
    [InlineData("0,106,250,400,546", "0,14,0")] // 6 px and 4 px off at 300 dpi: still within 2 pt
    [InlineData("0,120,250,400,549", null)] // the left line 20 px off: another table's columns, not carried
    [InlineData("0,101,250,400,500", null)] // the previous table is narrower: its right line is not this one's
    [InlineData("0,101,340,400,549", null)] // a line through 14: the value would straddle it, nothing placed
    [InlineData("0,101,549", null)] // no line inside the value cell: nothing to cut at
    public void A_row_continued_after_a_page_break_takes_the_previous_pages_column_lines_where_they_fit(string previous, string? values)
    {
        var table = new RuledTable([0, 100, 550], [0, 50], [new(0, 0, 1, 1, 0, 0, 100, 50), new(0, 1, 1, 1, 100, 0, 550, 50)]);
        IReadOnlyList<IReadOnlyList<CellPiece>> pieces = [[Piece(10, 90, "行政规范性文件")], [Piece(160, 170, "0"), Piece(330, 350, "14"), Piece(480, 490, "0")]];
        IReadOnlyList<double>? continued = previous.Length == 0 ? null : [.. previous.Split(',').Select(double.Parse)];

        var (done, donePieces) = CellPieces.Complete(table, pieces, [[], []], 300, continued);

        var read = done.Cells.Select((c, k) => (c, k)).Where(x => x.c.Column > 0).Select(x => CellPieces.Compose(donePieces[x.k]).Text).ToList();
        if (values is null)
        {
            Assert.Equal(2, done.Cells.Count);
            Assert.True(CellPieces.Merged(donePieces[1]));
        }
        else
        {
            Assert.Equal(values.Split(','), read);
        }
    }

    /// <summary>
    /// A running-text line read as several values is one word per value when its ink falls into as many pieces (the
    /// detector joined "0 1" of a borderless table 4, lo-45-006 at 200 dpi); otherwise it stays whole.
    /// </summary>
    [Theory]
    [InlineData("0 1", "20-60:5-35,140-170:5-35", "0@20-60|1@140-170")]
    [InlineData("0 1 12", "20-60:5-35,140-170:5-35,260-330:5-35", "0@20-60|1@140-170|12@260-330")]
    [InlineData("0 1", "20-60:5-35", "0 1@10-340")] // one piece for two values: not split
    [InlineData("10", "20-60:5-35,140-170:5-35", "10@10-340")] // one value: never split
    [InlineData("共 1 件", "20-60:5-35,140-170:5-35,260-330:5-35", "共 1 件@10-340")] // text, not values
    public void A_line_of_values_is_split_where_its_ink_falls_apart(string text, string blocks, string expected)
    {
        var page = new InkPage(400, 40);
        foreach (var b in blocks.Split(','))
        {
            var (xs, ys) = (b.Split(':')[0].Split('-').Select(int.Parse).ToArray(), b.Split(':')[1].Split('-').Select(int.Parse).ToArray());
            page.Box(xs[0], ys[0], xs[1], ys[1]);
        }

        var words = PaddleText.SplitValues(Image(page), new PixelBox(10, 2, 340, 38), text);

        Assert.Equal(expected, string.Join("|", words.Select(w => $"{w.Text}@{w.Box.Left}-{w.Box.Right}")));
    }
}
