using Disclosure.Layout;
using Disclosure.Ocr.Local;
using Disclosure.Ocr.Raster;

namespace Disclosure.Tests.Ocr;

/// <summary>Ruled tables whose cells hide several columns (inner rules missing) are told from tables whose cells hold one text each.</summary>
public sealed class MissingRulesTests
{
    private const int Dpi = 300;
    private const int H = 36;

    private const int W = 1700;

    /// <summary>A 1600 × 240 table of two rows, each one cell wide, with the given glyph lefts (36 px squares) in each row.</summary>
    private static (GrayImage Image, RuledTable Table) Table(int[] first, int[] second, int extraRows = 0, (int X, int Y, int Size)[]? specks = null)
    {
        var px = new byte[W * 300];
        Array.Fill(px, (byte)255);
        void Ink(int x, int y)
        {
            for (var r = y; r < y + H; r++)
            {
                Array.Fill(px, (byte)20, r * W + x, H);
            }
        }

        foreach (var x in first)
        {
            Ink(x, 40);
        }

        foreach (var x in second)
        {
            Ink(x, 160);
        }

        foreach (var (x, y, size) in specks ?? [])
        {
            for (var r = y; r < y + size; r++)
            {
                Array.Fill(px, (byte)20, r * W + x, size);
            }
        }

        RuledCell[] cells = [new(0, 0, 1, 1, 10, 10, 1610, 130), new(1, 0, 1, 1, 10, 130, 1610, 250)];
        double[] ys = [10, 130, 250, .. Enumerable.Range(1, extraRows).Select(i => 250.0 + i * 5)];
        return (new GrayImage(W, 300, px), new RuledTable([10, 1610], ys, cells));
    }

    /// <summary>Table 4's value row with its column rules missing: fifteen values in one cell (here eleven, 104 px apart).</summary>
    private static readonly int[] TenValues = [.. Enumerable.Range(0, 11).Select(i => 100 + i * 140)];

    [Fact]
    public void A_row_holding_ten_or_more_separate_values_means_missing_column_rules()
    {
        var (image, table) = Table(TenValues, [100]);

        Assert.True(MissingRules.HidesColumns(image, table, Dpi));
    }

    /// <summary>Table 2's and 3's cells holding two or three values are read apart cell by cell (CellPieces), not by geometry.</summary>
    [Theory]
    [InlineData(new[] { 100, 400 }, new[] { 100, 700 })]
    [InlineData(new[] { 100, 400, 700 }, new[] { 100 })]
    [InlineData(new[] { 100, 145, 190, 235 }, new[] { 100, 700 })]
    public void Fewer_values_in_a_cell_or_word_spaces_are_not_read_by_geometry(int[] first, int[] second)
    {
        var (image, table) = Table(first, second);

        Assert.False(MissingRules.HidesColumns(image, table, Dpi));
    }

    /// <summary>A table longer than table 4 wraps its labels around its values: its rows would split if read by geometry.</summary>
    [Fact]
    public void A_table_of_more_than_four_rows_is_never_read_by_geometry()
    {
        var (image, table) = Table(TenValues, [100], extraRows: 3);

        Assert.False(MissingRules.HidesColumns(image, table, Dpi));
    }

    [Fact]
    public void Restoring_cuts_the_value_row_between_its_values_and_the_other_rows_span_the_new_columns()
    {
        var (image, table) = Table(TenValues, [100]);

        var restored = MissingRules.Restore(image, table, Dpi);

        var values = restored.Cells.Where(c => c.Row == 0).ToList();
        Assert.Equal(TenValues.Length, values.Count);
        Assert.All(values.Zip(TenValues), p => Assert.InRange(p.Second, p.First.Left, p.First.Right - H));
        Assert.Equal(Enumerable.Range(0, TenValues.Length), values.Select(c => c.Column));
        var other = Assert.Single(restored.Cells, c => c.Row == 1);
        Assert.Equal((0, TenValues.Length), (other.Column, other.ColumnSpan));
        Assert.Equal(TenValues.Length + 1, restored.Xs.Count);
    }

    /// <summary>Scan noise: a speck between two values makes no column, and a pixel or two of noise does not bridge a gap.</summary>
    [Fact]
    public void Specks_and_noise_make_no_column()
    {
        // A 5 px speck (25 ink pixels against a value's 1296) between the first two values; single noise pixels in every gap.
        (int, int, int)[] specks = [(180, 60, 5), .. TenValues.Skip(1).Select(x => (x - 40, 45, 1)), .. TenValues.Skip(1).Select(x => (x - 60, 70, 1))];
        var (image, table) = Table(TenValues, [100], specks: specks);

        var restored = MissingRules.Restore(image, table, Dpi);

        Assert.Equal(TenValues.Length, restored.Cells.Count(c => c.Row == 0));
    }

    [Fact]
    public void A_table_whose_cells_hide_no_columns_is_returned_as_it_is()
    {
        var (image, table) = Table([100, 400], [100, 700]);

        Assert.Same(table, MissingRules.Restore(image, table, Dpi));
    }

    /// <summary>A drawn column line near a restored one is kept as drawn, not doubled.</summary>
    [Fact]
    public void A_cut_next_to_a_drawn_line_uses_the_drawn_line()
    {
        var table = new RuledTable([0, 500, 1000], [0, 50, 100], [new(0, 0, 1, 2, 0, 0, 1000, 50), new(1, 0, 1, 2, 0, 50, 1000, 100)]);

        var cut = MissingRules.Cut(table, 1, [250, 503, 750], tolerance: 7);

        Assert.Equal([0, 250, 500, 750, 1000], cut.Xs);
        Assert.Equal([(0, 1), (1, 1), (2, 1), (3, 1)], cut.Cells.Where(c => c.Row == 1).Select(c => (c.Column, c.ColumnSpan)));
        Assert.Equal((0, 4), cut.Cells.Where(c => c.Row == 0).Select(c => (c.Column, c.ColumnSpan)).Single());
    }
}
