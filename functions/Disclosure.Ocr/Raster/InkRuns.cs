using Disclosure.Ocr.Local;

namespace Disclosure.Ocr.Raster;

/// <summary>Runs of ink across a box: where a line of text falls apart into separate values (pixels in, runs out).</summary>
internal static class InkRuns
{
    /// <summary>
    /// A pixel column with fewer ink pixels than this (3 at 300 dpi) is paper: scan noise between two values
    /// (lo-33-005-err) otherwise bridges their gap, while a glyph's thinnest column has more.
    /// </summary>
    public static int MinInk(int dpi) => Math.Max(2, dpi / 100);

    /// <summary>
    /// The ink runs across the box (first and last inked pixel column, ink pixels), runs closer than <paramref name="gap"/>
    /// pixels joined; a pixel column with fewer than <paramref name="minInk"/> ink pixels counts as paper.
    /// </summary>
    public static List<(int From, int To, int Ink)> Across(GrayImage image, CellReader.PixelBox box, int gap, int minInk)
    {
        var spans = new List<(int From, int To, int Ink)>();
        for (var x = Math.Max(0, box.Left); x < Math.Min(image.Width, box.Right); x++)
        {
            var ink = 0;
            for (var y = Math.Max(0, box.Top); y < Math.Min(image.Height, box.Bottom); y++)
            {
                ink += image.Pixels[y * image.Width + x] < CellReader.Ink ? 1 : 0;
            }

            if (ink < minInk)
            {
                continue;
            }

            if (spans.Count > 0 && x - spans[^1].To <= gap)
            {
                spans[^1] = (spans[^1].From, x, spans[^1].Ink + ink);
            }
            else
            {
                spans.Add((x, x, ink));
            }
        }

        return spans;
    }
}
