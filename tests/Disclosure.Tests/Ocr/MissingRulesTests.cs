using Disclosure.Layout;
using Disclosure.Ocr.Local;
using Disclosure.Ocr.Raster;

namespace Disclosure.Tests.Ocr;

/// <summary>Ruled tables whose cells hide several columns (inner rules missing) are told from tables whose cells hold one text each.</summary>
public sealed class MissingRulesTests
{
    private const int Dpi = 300;
    private const int H = 36;

    /// <summary>A 1000 × 240 table of two rows, each one cell wide, with the given glyph lefts (36 px squares) in each row.</summary>
    private static (GrayImage Image, RuledTable Table) Table(int[] first, int[] second)
    {
        var px = new byte[1100 * 300];
        Array.Fill(px, (byte)255);
        void Ink(int x, int y)
        {
            for (var r = y; r < y + H; r++)
            {
                Array.Fill(px, (byte)20, r * 1100 + x, H);
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

        RuledCell[] cells = [new(0, 0, 1, 1, 10, 10, 1010, 130), new(1, 0, 1, 1, 10, 130, 1010, 250)];
        return (new GrayImage(1100, 300, px), new RuledTable([10, 1010], [10, 130, 250], cells));
    }

    [Fact]
    public void Values_far_apart_in_one_cell_on_two_rows_mean_missing_column_rules()
    {
        var (image, table) = Table([100, 400], [100, 700]);

        Assert.True(MissingRules.HidesColumns(image, table, Dpi));
    }

    [Fact]
    public void Text_with_word_spaces_or_one_wide_gap_on_one_row_is_a_cell_of_its_own()
    {
        // Row one: a phrase (glyphs a quarter em apart); row two: a label and one value far right (a single wide gap).
        var (image, table) = Table([100, 145, 190, 235], [100, 700]);

        Assert.False(MissingRules.HidesColumns(image, table, Dpi));
    }

    [Fact]
    public void A_single_row_holding_three_separate_values_means_missing_column_rules()
    {
        var (image, table) = Table([100, 400, 700], [100]);

        Assert.True(MissingRules.HidesColumns(image, table, Dpi));
    }
}
