using System.Globalization;
using Disclosure.Core.Layout;
using Disclosure.Layout;

namespace Disclosure.Ocr.Local;

/// <summary>Parsers for tesseract output; pure functions over strings (the PDF text layer is read by PdfPig, not pdftotext).</summary>
internal static class PopplerParsers
{
    /// <summary>
    /// Words of tesseract's TSV output (level 5 rows) grouped by page, confidence scaled to 0..1, deskewed from the line
    /// slopes, coordinates multiplied by <paramref name="scale"/> (pixels to points for rasterised PDF pages).
    /// </summary>
    public static List<PageWords> ParseTesseractTsv(string tsv, int firstPage, double scale = 1)
    {
        var pages = new SortedDictionary<int, (double W, double H, List<(PositionedWord Word, string LineKey)> Words)>();
        foreach (var raw in tsv.Split('\n').Skip(1))
        {
            var f = raw.TrimEnd('\r').Split('\t');
            if (f.Length < 12 || !int.TryParse(f[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var pageNum))
            {
                continue;
            }

            var left = double.Parse(f[6], CultureInfo.InvariantCulture) * scale;
            var top = double.Parse(f[7], CultureInfo.InvariantCulture) * scale;
            var w = double.Parse(f[8], CultureInfo.InvariantCulture) * scale;
            var hh = double.Parse(f[9], CultureInfo.InvariantCulture) * scale;
            if (f[0] == "1")
            {
                pages[pageNum] = (w, hh, []);
                continue;
            }

            var text = f[11].Trim();
            if (f[0] != "5" || text.Length == 0 || !pages.TryGetValue(pageNum, out var pg))
            {
                continue;
            }

            var conf = double.Parse(f[10], CultureInfo.InvariantCulture);
            pg.Words.Add((new PositionedWord(text, new BoundingBox(left, top, left + w, top + hh), conf < 0 ? null : Math.Clamp(conf / 100, 0, 1)),
                $"{f[2]}.{f[3]}.{f[4]}"));
        }

        var result = new List<PageWords>();
        foreach (var (num, (width, height, words)) in pages)
        {
            var angle = SkewAngle(words, scale);
            var list = words.Select(x => x.Word).ToList();
            if (Math.Abs(angle) > 0.001)
            {
                list = [.. list.Select(w => Rotate(w, -angle, width / 2, height / 2))];
            }

            result.Add(new PageWords(firstPage + num - 1, width, height, list) { Ocr = true });
        }

        return result;
    }

    /// <summary>Median slope of tesseract's text lines (radians): a scan rotated by a degree or two still has straight lines.</summary>
    internal static double SkewAngle(IEnumerable<(PositionedWord Word, string LineKey)> words, double scale = 1)
    {
        var slopes = new List<double>();
        foreach (var line in words.GroupBy(w => w.LineKey))
        {
            // Bottoms of CJK glyphs sit on one line; digits and punctuation are shorter, so the median-height words only.
            var typical = LayoutBuilder.Median(line.Select(w => w.Word.Box.Height));
            var pts = line.Where(w => Math.Abs(w.Word.Box.Height - typical) < 0.2 * typical).Select(w => (X: w.Word.Box.CenterX, Y: w.Word.Box.Bottom)).ToList();
            if (pts.Count < 6 || pts.Max(p => p.X) - pts.Min(p => p.X) < 300 * scale)
            {
                continue;
            }

            var mx = pts.Average(p => p.X);
            var my = pts.Average(p => p.Y);
            var sxx = pts.Sum(p => (p.X - mx) * (p.X - mx));
            var sxy = pts.Sum(p => (p.X - mx) * (p.Y - my));
            if (sxx > 0)
            {
                slopes.Add(Math.Atan(sxy / sxx));
            }
        }

        if (slopes.Count < 3)
        {
            return 0;
        }

        // Below a tenth of a degree the rotation is noise; above five degrees the estimate is not to be trusted.
        var angle = LayoutBuilder.Median(slopes);
        return Math.Abs(angle) < 0.1 * Math.PI / 180 || Math.Abs(angle) > 5 * Math.PI / 180 ? 0 : angle;
    }

    private static PositionedWord Rotate(PositionedWord w, double angle, double cx, double cy)
    {
        var (x, y) = (w.Box.CenterX - cx, w.Box.CenterY - cy);
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        var nx = cx + x * cos - y * sin;
        var ny = cy + x * sin + y * cos;
        return w with { Box = new BoundingBox(nx - w.Box.Width / 2, ny - w.Box.Height / 2, nx + w.Box.Width / 2, ny + w.Box.Height / 2) };
    }
}
