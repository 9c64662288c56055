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
    private static (GrayImage Image, RuledTable Table) Table(int[] first, int[] second, int extraRows = 0)
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
}
