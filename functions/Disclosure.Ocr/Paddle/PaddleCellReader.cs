using Disclosure.Layout;
using Disclosure.Ocr.Local;
using Disclosure.Ocr.Raster;
using static Disclosure.Ocr.Local.CellReader;

namespace Disclosure.Ocr.Paddle;

/// <summary>
/// Reads the cells of ruled tables with the PP-OCRv4 recogniser. A cell's ink is split into its lines (a wrapped label is
/// two or three), each line cut from the grey page with a small margin and read on its own; the lines are joined in order.
/// A cell's confidence is its weakest character's. A number is confident only when every digit is and the ink is as wide
/// as the digits read (<see cref="DigitWidth"/>, calibrated on the page's confident numbers); otherwise it is reported with
/// low confidence, flagged rather than guessed. An inked cell read as nothing is never confident.
/// </summary>
internal static class PaddleCellReader
{
    /// <summary>A number read with every digit above this is calibration material for the page's digit width.</summary>
    private const double CalibrationConfidence = 0.95;

    /// <summary>The confidence given to a reading that fails a check: below any MinConfidence so that it is flagged.</summary>
    private const double Doubtful = 0.5;

    public static (IReadOnlyList<CellText>? Cells, string? Error) Read(
        PaddleOcr ocr, GrayImage page, IReadOnlyList<RuledCell> cells, int dpi, OcrOptions options, CancellationToken ct)
    {
        var result = new CellText[cells.Count];
        var ratios = new double[cells.Count];
        Parallel.For(0, cells.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct }, i =>
        {
            if (InkBounds(page, cells[i], dpi) is not { } ink)
            {
                result[i] = new CellText("", null);
                return;
            }

            ratios[i] = (double)ink.Width / Math.Max(1, ink.Height);
            var interior = Interior(cells[i], dpi);
            var lines = Lines(page, ink);
            var reads = lines.Select(line => ocr.Recognize(LineCrop(page, line, interior))).ToList();

            // A first line whose ink starts at the interior's top edge, above a number, is the foot of a glyph printed
            // over the rule from the cell above (lo-21-004 p6: 持 across table 4's header rule read 药8), not the cell's.
            var rest = string.Concat(reads.Skip(1).Select(r => r.Text.Trim()));
            var first = lines.Count >= 2 && lines[0].Top <= interior.Top && rest.Any(char.IsAsciiDigit) && CellReader.LooksNumeric(rest) ? 1 : 0;
            var text = "";
            double? confidence = null;
            foreach (var read in reads.Skip(first))
            {
                text = TextRules.Join(text, read.Text.Trim());
                confidence = read.Confidence is { } c ? Math.Min(confidence ?? 1, c) : 0;
            }

            result[i] = new CellText(text, text.Length == 0 ? 0 : confidence);
        });

        // Numbers: spaces the recogniser put between spaced digits are not part of them; letters that look like digits are.
        var numeric = Enumerable.Range(0, cells.Count).Where(i => result[i].Text.Length > 0 && CellReader.LooksNumeric(result[i].Text)).ToList();
        foreach (var i in numeric)
        {
            result[i] = result[i] with { Text = TextRules.RepairDigits(result[i].Text).Replace(" ", "", StringComparison.Ordinal) };
        }

        var perDigit = DigitWidth.Calibrate(numeric.Where(i => result[i].Confidence >= CalibrationConfidence).Select(i => (result[i].Text, ratios[i])));
        foreach (var i in numeric)
        {
            var (text, confidence) = result[i];
            var fits = DigitWidth.Fits(text, ratios[i], perDigit);
            if (!fits || confidence < options.MinConfidence)
            {
                result[i] = new CellText(text, Math.Min(Doubtful, confidence ?? 0));
            }
        }

        return (result, null);
    }

    /// <summary>
    /// The lines of a cell's ink: bands of rows with ink, split at blank rows. A band much lower than the tallest (the
    /// gap inside 二 or 三, a stray mark) is merged with its nearest neighbour rather than read alone.
    /// </summary>
    internal static IReadOnlyList<PixelBox> Lines(GrayImage page, PixelBox ink)
    {
        var bands = new List<(int Top, int Bottom)>();
        var start = -1;
        for (var y = ink.Top; y <= ink.Bottom; y++)
        {
            var inked = y < ink.Bottom && RowHasInk(page, y, ink.Left, ink.Right);
            if (inked && start < 0)
            {
                start = y;
            }
            else if (!inked && start >= 0)
            {
                bands.Add((start, y));
                start = -1;
            }
        }

        var tallest = bands.Count == 0 ? 0 : bands.Max(b => b.Bottom - b.Top);
        for (var k = 0; k < bands.Count && bands.Count > 1;)
        {
            if (bands[k].Bottom - bands[k].Top >= 0.45 * tallest)
            {
                k++;
                continue;
            }

            // Merge with the closer neighbour.
            var gapUp = k > 0 ? bands[k].Top - bands[k - 1].Bottom : int.MaxValue;
            var gapDown = k < bands.Count - 1 ? bands[k + 1].Top - bands[k].Bottom : int.MaxValue;
            if (gapUp <= gapDown)
            {
                bands[k - 1] = (bands[k - 1].Top, bands[k].Bottom);
            }
            else
            {
                bands[k + 1] = (bands[k].Top, bands[k + 1].Bottom);
            }

            bands.RemoveAt(k);
            k = 0;
        }

        return [.. bands.Select(b => Tighten(page, new PixelBox(ink.Left, b.Top, ink.Right, b.Bottom)))];
    }

    /// <summary>A line cut from the grey page with a margin of a fifth of its height, inside the cell's interior.</summary>
    internal static GrayImage LineCrop(GrayImage page, PixelBox line, PixelBox interior)
    {
        var margin = Math.Max(2, line.Height / 5);
        return page.Crop(Math.Max(interior.Left, line.Left - margin), Math.Max(interior.Top, line.Top - margin),
            Math.Min(interior.Right, line.Right + margin), Math.Min(interior.Bottom, line.Bottom + margin));
    }

    private static bool RowHasInk(GrayImage page, int y, int x0, int x1)
    {
        var row = y * page.Width;
        for (var x = x0; x < x1; x++)
        {
            if (page.Pixels[row + x] < Ink)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The line's box narrowed to its own ink (the first line of a wrapped label may be wider than the last).</summary>
    private static PixelBox Tighten(GrayImage page, PixelBox box)
    {
        int left = box.Right, right = box.Left;
        for (var y = box.Top; y < box.Bottom; y++)
        {
            var row = y * page.Width;
            for (var x = box.Left; x < box.Right; x++)
            {
                if (page.Pixels[row + x] < Ink)
                {
                    left = Math.Min(left, x);
                    right = Math.Max(right, x + 1);
                }
            }
        }

        return right > left ? box with { Left = left, Right = right } : box;
    }
}
