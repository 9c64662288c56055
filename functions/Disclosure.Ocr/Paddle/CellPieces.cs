using Disclosure.Core.Layout;
using Disclosure.Layout;
using Disclosure.Ocr.Raster;
using static Disclosure.Ocr.Local.CellReader;

namespace Disclosure.Ocr.Paddle;

/// <summary>One stretch of ink of a cell read on its own: its line (top to bottom), its box in page pixels, its reading.</summary>
internal sealed record CellPiece(int Line, PixelBox Box, string Text, double? Confidence);

/// <summary>
/// The geometry of a cell's ink below the recogniser, pure. A line of a cell is cut into pieces at wide white gaps, so that
/// values of two columns whose rule is missing or too faint to be found (a table printed without inner value rules, a
/// light rule on a 200 dpi scan) are read apart instead of glued ("53178 10" read 5317810). A faint rule crossing the
/// cell (too light for the grid, dark enough to be ink) is not ink: it is whitened before lines are found, and where
/// it lies on one of the table's own column lines it cuts the cell there. The table is then completed like a text-layer
/// table with missing rules (<see cref="TextColumns"/>): boundaries in the white stripes between the values, confirmed by
/// the header. A cell that still holds several values on one line is reported, never trusted (<see cref="Merged"/>).
/// </summary>
internal static class CellPieces
{
    /// <summary>Two stretches of ink on one line further apart than this many line heights are two pieces: about an em, the text-layer path's value gap (a word space or the gap inside 1.属于 is far less).</summary>
    public const double PieceGap = 1.0;

    /// <summary>A stretch of ink less tall than this share of its line is a speck, not a piece (a digit or a character is nearly the line's height; a dash placeholder stands alone in its cell).</summary>
    public const double SpeckHeight = 0.4;

    /// <summary>A vertical stroke this tall, as a share of the cell's interior, is a rule rather than a character (a '1' is at most the text height, well under it).</summary>
    public const double RemnantCover = 0.9;

    /// <summary>A rule remnant is at most this wide, in inches (a hairline to about a 1.5 pt rule, blurred).</summary>
    public const double RemnantWidthInches = 1.0 / 40;

    /// <summary>A remnant within this many inches of a column line of the table is that line's rule.</summary>
    public const double RemnantOnLineInches = 1.0 / 20;

    /// <summary>A continued table's outer column lines match the previous page's within this (2 pt; each page is straightened on its own, lo-21-005-err: 1–2 px at 300 dpi).</summary>
    public const double ContinuedToleranceInches = 2.0 / 72;

    /// <summary>
    /// x ranges (interior coordinates) of vertical strokes that run through nearly the whole interior and are thin: a
    /// column rule the grid did not find. Columns inked in at least <see cref="RemnantCover"/> of the rows.
    /// </summary>
    public static IReadOnlyList<(int Left, int Right)> Remnants(GrayImage interior, int dpi)
    {
        var result = new List<(int, int)>();
        if (interior.Height < 4)
        {
            return result;
        }

        var maxWidth = Math.Max(2, (int)Math.Ceiling(dpi * RemnantWidthInches));
        var start = -1;
        for (var x = 0; x <= interior.Width; x++)
        {
            var tall = x < interior.Width && ColumnInk(interior, x) >= RemnantCover * interior.Height;
            if (tall && start < 0)
            {
                start = x;
            }
            else if (!tall && start >= 0)
            {
                if (x - start <= maxWidth)
                {
                    result.Add((start, x));
                }

                start = -1;
            }
        }

        return result;
    }

    /// <summary>The interior with the remnants' columns (and a pixel either side, their blurred edge) whitened.</summary>
    public static GrayImage Whiten(GrayImage interior, IReadOnlyList<(int Left, int Right)> remnants)
    {
        if (remnants.Count == 0)
        {
            return interior;
        }

        var px = (byte[])interior.Pixels.Clone();
        foreach (var (l, r) in remnants)
        {
            for (var y = 0; y < interior.Height; y++)
            {
                for (var x = Math.Max(0, l - 1); x < Math.Min(interior.Width, r + 1); x++)
                {
                    px[y * interior.Width + x] = 255;
                }
            }
        }

        return interior with { Pixels = px };
    }

    /// <summary>A line cut into pieces at white gaps wider than <see cref="PieceGap"/> line heights; each piece tightened to its ink rows.</summary>
    public static IReadOnlyList<PixelBox> Pieces(GrayImage image, PixelBox line)
    {
        // Ink runs whose white gap (between one run's right edge and the next run's left) is at most PieceGap line heights
        // are one piece: InkRuns measures the gap from the last inked column, one more.
        var runs = InkRuns.Across(image, line, (int)Math.Floor(PieceGap * line.Height) + 1, minInk: 1)
            .Select(r => (Left: r.From, Right: r.To + 1)).ToList();

        // A speck (dust, a stray mark) is no piece of its own: it stays with its nearer neighbour, read as before.
        for (var k = 0; k < runs.Count && runs.Count > 1;)
        {
            if (TightenRows(image, new PixelBox(runs[k].Left, line.Top, runs[k].Right, line.Bottom)).Height >= SpeckHeight * line.Height)
            {
                k++;
                continue;
            }

            var gapLeft = k > 0 ? runs[k].Left - runs[k - 1].Right : int.MaxValue;
            var gapRight = k < runs.Count - 1 ? runs[k + 1].Left - runs[k].Right : int.MaxValue;
            var into = gapLeft <= gapRight ? k - 1 : k + 1;
            runs[into] = (Math.Min(runs[into].Left, runs[k].Left), Math.Max(runs[into].Right, runs[k].Right));
            runs.RemoveAt(k);
            k = 0;
        }

        if (runs.Count <= 1)
        {
            return [line];
        }

        return [.. runs.Select(r => TightenRows(image, new PixelBox(r.Left, line.Top, r.Right, line.Bottom)))];
    }

    /// <summary>True when some line of the pieces holds two or more values: the cell glues values of several columns.</summary>
    public static bool Merged(IReadOnlyList<CellPiece> pieces) =>
        pieces.GroupBy(p => p.Line).Any(l => l.Count(p => IsValue(p.Text)) >= 2);

    /// <summary>A piece's reading as a value: digit look-alikes repaired, spaces dropped.</summary>
    public static bool IsValue(string text) =>
        text.Length > 0 && LooksNumeric(text) && TextRules.IsValue(TextRules.RepairDigits(text).Replace(" ", "", StringComparison.Ordinal));

    /// <summary>
    /// The table with cells cut where their pieces show a missing column rule, and each (new) cell's pieces. First at the
    /// table's own column lines (a rule found in other rows): a cell is cut there when a remnant lies on the line, or
    /// when it holds several values on one line with pieces on both sides and none across it. Then cells still holding
    /// several values go through <see cref="TextColumns.Split"/> (stripes between value columns, confirmed by a header).
    /// A table continued from the previous page has no header of its own: with <paramref name="continued"/> (the previous
    /// page's last table's column lines, in this page's pixels) a band whose outer lines match two of them (within
    /// <see cref="ContinuedToleranceInches"/>: pages are straightened separately) and whose values straddle none takes
    /// those lines as its columns. Values are placed by geometry only; a band that does not fit stays merged (flagged).
    /// </summary>
    public static (RuledTable Table, IReadOnlyList<IReadOnlyList<CellPiece>> Pieces) Complete(
        RuledTable table, IReadOnlyList<IReadOnlyList<CellPiece>> pieces, IReadOnlyList<IReadOnlyList<int>> remnantXs, int dpi,
        IReadOnlyList<double>? continued = null)
    {
        var onLine = dpi * RemnantOnLineInches;
        var cells = new List<RuledCell>();
        var cellPieces = new List<IReadOnlyList<CellPiece>>();
        var changed = false;
        for (var k = 0; k < table.Cells.Count; k++)
        {
            var c = table.Cells[k];
            var own = pieces[k];
            var merged = Merged(own);
            var cuts = new List<int>();
            for (var col = c.Column + 1; col < c.Column + c.ColumnSpan; col++)
            {
                var x = table.Xs[col];
                var clear = own.All(p => p.Box.Right <= x || p.Box.Left >= x);
                var bothSides = own.Any(p => p.Box.Right <= x) && own.Any(p => p.Box.Left >= x);
                var remnant = remnantXs[k].Any(r => Math.Abs(r - x) <= onLine);
                if (clear && (remnant || (merged && bothSides)))
                {
                    cuts.Add(col);
                }
            }

            if (cuts.Count == 0)
            {
                cells.Add(c);
                cellPieces.Add(own);
                continue;
            }

            changed = true;
            var bounds = new List<int> { c.Column };
            bounds.AddRange(cuts);
            bounds.Add(c.Column + c.ColumnSpan);
            for (var i = 0; i + 1 < bounds.Count; i++)
            {
                var (from, to) = (bounds[i], bounds[i + 1]);
                var (left, right) = ((int)Math.Round(table.Xs[from]), (int)Math.Round(table.Xs[to]));
                cells.Add(new RuledCell(c.Row, from, c.RowSpan, to - from, i == 0 ? c.Left : left, c.Top, i == bounds.Count - 2 ? c.Right : right, c.Bottom));
                cellPieces.Add([.. own.Where(p => Center(p) >= table.Xs[from] && Center(p) < table.Xs[to]
                    || (i == 0 && Center(p) < table.Xs[from]) || (i == bounds.Count - 2 && Center(p) >= table.Xs[to]))]);
            }
        }

        var current = changed ? new RuledTable(table.Xs, table.Ys, cells) : table;
        var mergedCells = Enumerable.Range(0, cellPieces.Count).Where(k => Merged(cellPieces[k])).ToList();
        if (mergedCells.Count == 0)
        {
            return (current, cellPieces);
        }

        var glyphs = cellPieces.SelectMany(ps => ps).Where(p => p.Text.Length > 0)
            .Select(p => new Glyph(IsValue(p.Text) ? TextRules.RepairDigits(p.Text).Replace(" ", "", StringComparison.Ordinal) : p.Text,
                new BoundingBox(p.Box.Left, p.Box.Top, p.Box.Right, p.Box.Bottom), p.Box.Height)).ToList();
        // A band the header does not confirm stays glued (flagged) without stopping the others (partial); a table with no
        // confirmed band at all (a row continued at the top of the page) may take the previous page's column lines.
        var split = TextColumns.Split(current, glyphs, mergedCells, TextColumnOptions.Default, partial: true);
        if (split is null && continued is { Count: > 0 })
        {
            split = TextColumns.Split(current, glyphs, mergedCells,
                TextColumnOptions.Default with { ContinuedTolerance = Math.Max(TextColumnOptions.Default.ContinuedTolerance, dpi * ContinuedToleranceInches) }, continued, partial: true);
        }

        if (split is null)
        {
            return (current, cellPieces);
        }

        var all = cellPieces.SelectMany(ps => ps).ToList();
        var splitPieces = split.Cells.Select(c => (IReadOnlyList<CellPiece>)[.. all.Where(p =>
            Center(p) >= split.Xs[c.Column] && Center(p) < split.Xs[c.Column + c.ColumnSpan]
            && CenterY(p) >= split.Ys[c.Row] && CenterY(p) < split.Ys[c.Row + c.RowSpan])]).ToList();
        return (split, splitPieces);
    }

    /// <summary>A cell's text from its pieces (lines top to bottom, pieces left to right), its weakest confidence, and its ink's width over height.</summary>
    public static (string Text, double? Confidence, double Ratio) Compose(IReadOnlyList<CellPiece> pieces)
    {
        if (pieces.Count == 0)
        {
            return ("", null, 0);
        }

        var text = "";
        double? confidence = null;
        foreach (var p in pieces.OrderBy(p => p.Line).ThenBy(p => p.Box.Left))
        {
            text = TextRules.Join(text, p.Text.Trim());
            confidence = p.Confidence is { } c ? Math.Min(confidence ?? 1, c) : 0;
        }

        var (l, t, r, b) = (pieces.Min(p => p.Box.Left), pieces.Min(p => p.Box.Top), pieces.Max(p => p.Box.Right), pieces.Max(p => p.Box.Bottom));
        return (text, text.Length == 0 ? 0 : confidence, (double)(r - l) / Math.Max(1, b - t));
    }

    private static double Center(CellPiece p) => (p.Box.Left + p.Box.Right) / 2.0;

    private static double CenterY(CellPiece p) => (p.Box.Top + p.Box.Bottom) / 2.0;

    private static int ColumnInk(GrayImage image, int x)
    {
        var n = 0;
        for (var y = 0; y < image.Height; y++)
        {
            if (image.Pixels[y * image.Width + x] < Ink)
            {
                n++;
            }
        }

        return n;
    }

    internal static PixelBox TightenRows(GrayImage image, PixelBox box)
    {
        int top = box.Bottom, bottom = box.Top;
        for (var y = box.Top; y < box.Bottom; y++)
        {
            for (var x = box.Left; x < box.Right; x++)
            {
                if (image.Pixels[y * image.Width + x] < Ink)
                {
                    top = Math.Min(top, y);
                    bottom = Math.Max(bottom, y + 1);
                    break;
                }
            }
        }

        return bottom > top ? box with { Top = top, Bottom = bottom } : box;
    }
}
