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

    /// <summary>Reads the pieces of every cell of one page's tables, to be completed (<see cref="PageCells.Complete"/>).</summary>
    public static PageCells ReadCells(PaddleOcr ocr, GrayImage page, IReadOnlyList<RuledTable> tables, int dpi, CancellationToken ct) =>
        new(tables, ReadPieces(ocr, page, [.. tables.SelectMany(t => t.Cells)], dpi, ct), dpi);

    /// <summary>The pieces read from one page's tables, before completion.</summary>
    internal sealed record PageCells(IReadOnlyList<RuledTable> Tables, (IReadOnlyList<CellPiece> Pieces, IReadOnlyList<int> Remnants)[] Read, int Dpi)
    {
        /// <summary>The page's topmost table, the one a table continued from the previous page would be.</summary>
        private int First => Tables.Count == 0 ? -1 : Enumerable.Range(0, Tables.Count).MinBy(i => Tables[i].Top);

        /// <summary>
        /// The tables completed and their cells' texts. <paramref name="continued"/> (the previous page's last table's
        /// column lines, in this page's pixels) is offered to the page's topmost table only. <c>TopGlued</c>: that table
        /// still has a cell gluing values of several columns, the only case the previous page's lines can change.
        /// </summary>
        public (IReadOnlyList<RuledTable> Tables, CellText[] Cells, bool TopGlued) Complete(OcrOptions options, IReadOnlyList<double>? continued)
        {
            var topGlued = false;
            var completed = new List<RuledTable>();
            var pieces = new List<IReadOnlyList<CellPiece>>();
            var k = 0;
            var first = First;
            for (var i = 0; i < Tables.Count; i++)
            {
                var t = Tables[i];
                var own = Read.Skip(k).Take(t.Cells.Count).ToList();
                k += t.Cells.Count;
                var (table, tablePieces) = CellPieces.Complete(t, [.. own.Select(r => r.Pieces)], [.. own.Select(r => r.Remnants)], Dpi, i == first ? continued : null);
                completed.Add(table);
                pieces.AddRange(tablePieces);
                topGlued |= i == first && tablePieces.Any(CellPieces.Merged);
            }

            return (completed, Finish(pieces, options), topGlued);
        }
    }

    /// <summary>Reads cells as they are (no table completion): what the stage benchmark times.</summary>
    public static CellText[] Read(PaddleOcr ocr, GrayImage page, IReadOnlyList<RuledCell> cells, int dpi, OcrOptions options, CancellationToken ct) =>
        Finish([.. ReadPieces(ocr, page, cells, dpi, ct).Select(r => r.Pieces)], options);

    /// <summary>Each cell's pieces of ink, read, and the page x of rule remnants found inside it.</summary>
    private static (IReadOnlyList<CellPiece> Pieces, IReadOnlyList<int> Remnants)[] ReadPieces(
        PaddleOcr ocr, GrayImage page, IReadOnlyList<RuledCell> cells, int dpi, CancellationToken ct)
    {
        var result = new (IReadOnlyList<CellPiece>, IReadOnlyList<int>)[cells.Count];
        Parallel.For(0, cells.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = ct }, i =>
        {
            result[i] = ([], []);
            if (InkBounds(page, cells[i], dpi) is null)
            {
                return;
            }

            var interior = Interior(cells[i], dpi);
            var (x0, y0) = (Math.Clamp(interior.Left, 0, page.Width), Math.Clamp(interior.Top, 0, page.Height));
            var crop = page.Crop(interior.Left, interior.Top, interior.Right, interior.Bottom);
            var remnants = CellPieces.Remnants(crop, dpi);
            var clean = CellPieces.Whiten(crop, remnants);
            var remnantXs = remnants.Select(r => x0 + (r.Left + r.Right) / 2).ToList();
            if (InkBox(clean, dpi) is not { } ink)
            {
                result[i] = ([], remnantXs);
                return;
            }

            var whole = new PixelBox(0, 0, clean.Width, clean.Height);
            var pieces = new List<CellPiece>();
            var lines = Lines(clean, ink);
            for (var l = 0; l < lines.Count; l++)
            {
                foreach (var piece in CellPieces.Pieces(clean, lines[l]))
                {
                    var r = ocr.Recognize(LineCrop(clean, piece, whole));
                    pieces.Add(new CellPiece(l, new PixelBox(piece.Left + x0, piece.Top + y0, piece.Right + x0, piece.Bottom + y0), r.Text.Trim(), r.Confidence));
                }
            }

            // A first line whose ink starts at the interior's top edge, above a number, is the foot of a glyph printed
            // over the rule from the cell above (lo-21-004 p6: 持 across table 4's header rule read 药8), not the cell's.
            if (lines.Count >= 2 && lines[0].Top <= 0)
            {
                var rest = string.Concat(pieces.Where(p => p.Line > 0).Select(p => p.Text));
                if (rest.Any(char.IsAsciiDigit) && CellReader.LooksNumeric(rest))
                {
                    pieces.RemoveAll(p => p.Line == 0);
                }
            }

            result[i] = (pieces, remnantXs);
        });

        return result;
    }

    /// <summary>The cells' texts from their pieces, numbers repaired and checked against their ink width (calibrated on the page).</summary>
    internal static CellText[] Finish(IReadOnlyList<IReadOnlyList<CellPiece>> pieces, OcrOptions options)
    {
        var result = new CellText[pieces.Count];
        var ratios = new double[pieces.Count];
        for (var i = 0; i < pieces.Count; i++)
        {
            var (text, confidence, ratio) = CellPieces.Compose(pieces[i]);
            ratios[i] = ratio;

            // Values of several columns glued in one cell (its column rule missing, the table not completed): never trusted.
            result[i] = new CellText(text, CellPieces.Merged(pieces[i]) ? Math.Min(Doubtful, confidence ?? 0) : confidence);
        }

        // Numbers: spaces the recogniser put between spaced digits are not part of them; letters that look like digits are.
        var numeric = Enumerable.Range(0, pieces.Count).Where(i => result[i].Text.Length > 0 && CellReader.LooksNumeric(result[i].Text)).ToList();
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

        return result;
    }

    /// <summary>The box of the ink of an image, or null when it holds only dust (as <see cref="CellReader.InkBounds"/>).</summary>
    private static PixelBox? InkBox(GrayImage image, int dpi)
    {
        int minX = int.MaxValue, maxX = -1, minY = int.MaxValue, maxY = -1, count = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                if (image.Pixels[y * image.Width + x] < Ink)
                {
                    count++;
                    (minX, maxX, minY, maxY) = (Math.Min(minX, x), Math.Max(maxX, x), Math.Min(minY, y), Math.Max(maxY, y));
                }
            }
        }

        return count < Math.Max(8, dpi * dpi / 9000) ? null : new PixelBox(minX, minY, maxX + 1, maxY + 1);
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
