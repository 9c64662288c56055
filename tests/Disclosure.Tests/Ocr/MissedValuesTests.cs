using Disclosure.Ocr.Local;
using Disclosure.Ocr.Raster;
using static Disclosure.Ocr.Local.CellReader;

namespace Disclosure.Tests.Ocr;

/// <summary>Ink the page detector missed on value lines of a borderless table (300 dpi, text 36 px high).</summary>
public sealed class MissedValuesTests
{
    private const int Dpi = 300;
    private const int H = 36;

    private static GrayImage Page(params PixelBox[] ink)
    {
        var px = new byte[1200 * 600];
        Array.Fill(px, (byte)255);
        foreach (var b in ink)
        {
            for (var y = b.Top; y < b.Bottom; y++)
            {
                Array.Fill(px, (byte)20, y * 1200 + b.Left, b.Right - b.Left);
            }
        }

        return new GrayImage(1200, 600, px);
    }

    private static PixelBox Glyph(int x, int y, int width = 20) => new(x, y, x + width, y + H);

    [Fact]
    public void A_value_the_detector_missed_on_a_value_line_is_found_and_nothing_else()
    {
        var label = Glyph(100, 100, 200);
        var value = Glyph(500, 100);
        var missed = Glyph(700, 100);
        var speck = new PixelBox(900, 110, 902, 112);
        var textLabel = Glyph(100, 300, 200);
        var textEnd = Glyph(800, 300, 200);
        var textMissed = Glyph(500, 300); // on a line without a value: running text, not a table row

        var found = MissedValues.Find(Page(label, value, missed, speck, textLabel, textEnd, textMissed),
            [new(label, "行政许可"), new(value, "12"), new(textLabel, "本年度"), new(textEnd, "公开")], Dpi);

        var box = Assert.Single(found);
        Assert.Equal((700, 100, 720, 136), (box.Left, box.Top, box.Right, box.Bottom));
    }

    [Fact]
    public void Ink_much_taller_than_the_line_is_not_a_missed_value()
    {
        var label = Glyph(100, 100, 200);
        var value = Glyph(500, 100);
        var stamp = new PixelBox(700, 40, 760, 200);

        Assert.Empty(MissedValues.Find(Page(label, value, stamp), [new(label, "行政许可"), new(value, "12")], Dpi));
    }
}
