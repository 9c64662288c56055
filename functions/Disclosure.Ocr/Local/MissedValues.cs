using Disclosure.Layout;
using Disclosure.Layout.Stream;
using Disclosure.Ocr.Raster;

namespace Disclosure.Ocr.Local;

/// <summary>
/// Values the page-level text detector missed on table rows without rules (a stream table on a scan). PP-OCRv4 detection
/// runs on the whole page shrunk to <c>TextDetector.LongestSide</c>, where a lone narrow digit (a 0 or 1 between wide
/// gaps) is a few pixels and is dropped now and then; the stream stages then see a row one value short, and the table
/// cannot be mapped (lo-21-006 table 4: two zeros of fifteen at 300 dpi). On each line that already holds a value, ink
/// that no detected box covers is cut into runs; each run as tall as the line's text is a candidate, read again by the
/// recogniser by the caller. Pure: pixels in, pixel boxes out.
/// </summary>
internal static class MissedValues
{
    /// <summary>Ink within a run closer than this many line heights is one word (the gap inside 13 or 0.5 is far smaller).</summary>
    internal const double RunGap = 0.4;

    /// <summary>Ink this close (line heights) to a detected box belongs to it (its anti-aliased edge, a descender).</summary>
    internal const double BoxPad = 0.15;

    /// <summary>A candidate's ink is at least this share of the line's height: dust and speckle noise are smaller.</summary>
    internal const double MinHeight = 0.5;

    /// <summary>... and at most this share (taller ink is a stamp, a rule remnant or a neighbouring line).</summary>
    internal const double MaxHeight = 1.4;

    /// <summary>... and at most this many line heights wide: a missed value is a short number, not a phrase.</summary>
    internal const double MaxWidth = 6;

    /// <summary>Candidates are looked for only within this many line heights of the page's detected text (scan edges carry shadows).</summary>
    internal const double TextMargin = 1;

    /// <summary>A detected word, in pixels, with what it reads.</summary>
    internal readonly record struct Word(CellReader.PixelBox Box, string Text);

    /// <summary>Boxes of uncovered ink on lines that hold a value, in pixels; none when no line holds a value.</summary>
    public static IReadOnlyList<CellReader.PixelBox> Find(GrayImage image, IReadOnlyList<Word> words, int dpi)
    {
        var found = new List<CellReader.PixelBox>();
        if (words.Count == 0)
        {
            return found;
        }

        var textLeft = words.Min(w => w.Box.Left);
        var textRight = words.Max(w => w.Box.Right);
        var dust = Math.Max(8, dpi * dpi / 9000);
        foreach (var line in Lines(words).Where(l => l.Any(w => TextRules.IsValue(w.Text))))
        {
            // The line's height is that of its values (labels of CJK text are a little taller; both are one em).
            var h = Geometry.Median(line.Select(w => (double)w.Box.Height));
            var top = (int)Geometry.Median(line.Select(w => (double)w.Box.Top));
            var bottom = (int)Geometry.Median(line.Select(w => (double)w.Box.Bottom));
            if (bottom - top < 4)
            {
                continue;
            }

            var pad = (int)Math.Ceiling(BoxPad * h);
            var x0 = Math.Max(0, textLeft - (int)(TextMargin * h));
            var x1 = Math.Min(image.Width, textRight + (int)(TextMargin * h));
            var covered = new bool[image.Width];
            foreach (var w in words.Where(w => Math.Min(w.Box.Bottom, bottom) - Math.Max(w.Box.Top, top) > 0))
            {
                for (var c = Math.Max(0, w.Box.Left - pad); c < Math.Min(image.Width, w.Box.Right + pad); c++)
                {
                    covered[c] = true;
                }
            }

            var ink = new int[image.Width];
            for (var y = Math.Max(0, top); y < Math.Min(image.Height, bottom); y++)
            {
                var row = y * image.Width;
                for (var c = x0; c < x1; c++)
                {
                    if (!covered[c] && image.Pixels[row + c] < CellReader.Ink)
                    {
                        ink[c]++;
                    }
                }
            }

            var gap = Math.Max(2, (int)(RunGap * h));
            var x = x0;
            while (x < x1)
            {
                if (ink[x] == 0)
                {
                    x++;
                    continue;
                }

                var start = x;
                var end = x + 1;
                var count = 0;
                while (x < x1 && x - end <= gap && !covered[x])
                {
                    if (ink[x] > 0)
                    {
                        count += ink[x];
                        end = x + 1;
                    }

                    x++;
                }

                if (count < dust || end - start > MaxWidth * h)
                {
                    continue;
                }

                // The ink's own rows, searched a little above and below the line (a value may sit a few pixels off).
                var slack = (int)(0.3 * h);
                if (InkRows(image, start, end, Math.Max(0, top - slack), Math.Min(image.Height, bottom + slack)) is { } rows
                    && rows.Bottom - rows.Top >= MinHeight * h && rows.Bottom - rows.Top <= MaxHeight * h)
                {
                    found.Add(new CellReader.PixelBox(start, rows.Top, end, rows.Bottom));
                }
            }
        }

        return found;
    }

    /// <summary>Words grouped into lines by their vertical centres (half a median height apart at most).</summary>
    private static List<List<Word>> Lines(IReadOnlyList<Word> words)
    {
        var h = Geometry.Median(words.Select(w => (double)w.Box.Height));
        var lines = new List<List<Word>>();
        foreach (var w in words.OrderBy(w => (w.Box.Top + w.Box.Bottom) / 2.0))
        {
            var cy = (w.Box.Top + w.Box.Bottom) / 2.0;
            if (lines.Count == 0 || cy - lines[^1].Average(x => (x.Box.Top + x.Box.Bottom) / 2.0) > 0.5 * h)
            {
                lines.Add([]);
            }

            lines[^1].Add(w);
        }

        return lines;
    }

    private static (int Top, int Bottom)? InkRows(GrayImage image, int x0, int x1, int y0, int y1)
    {
        int top = -1, bottom = -1;
        for (var y = y0; y < y1; y++)
        {
            var row = y * image.Width;
            for (var x = x0; x < x1; x++)
            {
                if (image.Pixels[row + x] < CellReader.Ink)
                {
                    top = top < 0 ? y : top;
                    bottom = y + 1;
                    break;
                }
            }
        }

        return top < 0 ? null : (top, bottom);
    }
}
