using Disclosure.Layout;

namespace Disclosure.Ocr.Raster;

/// <summary>
/// Finds ruled tables: rules that cross form a table, and the grid between them gives the cells. A unit of the grid
/// whose edge has no rule is merged with its neighbour, which is how row and column spans are recovered. A column that
/// is blank in every row is still a column here, because its rules are drawn. The rules come from a raster
/// (<see cref="Detect"/>: long dark runs) or from a PDF's drawn paths; both share the grid stage (<see cref="GridBuilder"/>).
/// </summary>
internal static class RuleGrid
{
    /// <summary>A pixel darker than this is ink wherever it is.</summary>
    private const int Dark = 150;

    /// <summary>
    /// A pixel lighter than <see cref="Dark"/> but darker than this is still a rule's ink when the paper on both sides of
    /// it, across the rule, is <see cref="RuleContrast"/> lighter. A thin rule of a 200 dpi scan, blurred and resampled
    /// to 300 dpi, prints 140–175 grey (lo-21-001-err p4: every inner rule of table 4 broke at 150 and the table came out
    /// with 6 of its 15 columns); a plain lighter threshold would take the 190-grey shading of a header row as ink.
    /// </summary>
    private const int RuleLight = 215;

    /// <summary>How much lighter the paper on both sides of a light rule pixel must be (grey levels).</summary>
    private const int RuleContrast = 40;

    /// <summary>
    /// How far across the rule that paper is looked for, in inches (4 px at 300 dpi): past a thin rule's blurred edge,
    /// within the white of the narrowest cell padding. Thick rules are darker than <see cref="Dark"/> and need no contrast.
    /// </summary>
    private const double ContrastReachInches = 1.0 / 75;

    /// <summary>Ruled tables on a straightened page: long dark runs are rules (a glyph stroke is never a fifth of an inch long in body text).</summary>
    public static IReadOnlyList<RuledTable> Detect(GrayImage image, int dpi)
    {
        var (horizontal, vertical) = Rules(image, dpi);
        var options = new RuleGridOptions { Tolerance = Math.Max(4, dpi / 40), CoverByUnion = true };
        var tables = GridBuilder.Build(horizontal, vertical, options);

        // A grid line that bounds no cell is a glyph's stroke crossing a rule (lo-21-004 p6 at 200 dpi: 持 printed over a
        // row rule made a 16th column), not a rule: its segments go and the grid is built again without them.
        var phantoms = tables.SelectMany(t => Phantoms(t, options.Tolerance)).ToList();
        if (phantoms.Count > 0)
        {
            bool Phantom(RuleSegment s, bool isHorizontal) => phantoms.Any(p => p.Horizontal == isHorizontal
                && Math.Abs(s.Pos - p.Pos) <= options.Tolerance && s.To >= p.From - options.Tolerance && s.From <= p.To + options.Tolerance);
            tables = GridBuilder.Build([.. horizontal.Where(s => !Phantom(s, true))], [.. vertical.Where(s => !Phantom(s, false))], options);
        }

        return [.. tables.Where(t => t.Right - t.Left >= MinTableWidthInches * dpi)];
    }

    /// <summary>Inner grid lines of a table that are the edge of no cell (every cell spans across them), with the table's extent along them.</summary>
    private static IEnumerable<(bool Horizontal, double Pos, double From, double To)> Phantoms(RuledTable t, double tolerance)
    {
        for (var k = 1; k < t.Xs.Count - 1; k++)
        {
            if (!t.Cells.Any(c => c.Column == k || c.Column + c.ColumnSpan == k))
            {
                yield return (false, t.Xs[k], t.Top, t.Bottom);
            }
        }

        for (var k = 1; k < t.Ys.Count - 1; k++)
        {
            if (!t.Cells.Any(c => c.Row == k || c.Row + c.RowSpan == k))
            {
                yield return (true, t.Ys[k], t.Left, t.Right);
            }
        }
    }

    /// <summary>The horizontal and vertical rules of a straightened page, before the grid stage.</summary>
    internal static (List<RuleSegment> Horizontal, List<RuleSegment> Vertical) Rules(GrayImage image, int dpi) =>
        (Segments(image, dpi, dpi / 5, horizontal: true, maxThickness: Math.Max(6, dpi / 20)),
         Segments(image, dpi, dpi / 6, horizontal: false, maxThickness: Math.Max(6, dpi / 20)));

    /// <summary>
    /// The narrowest ruled table kept, in inches. The report's tables span the text width (five inches or more, a
    /// continuation after a page break too); the strokes of a large bold title cross within half an inch and made
    /// one- and two-cell "tables" that swallowed the title line (lo-21-004: 鹤壁市… read as ：壁市…, agency lost).
    /// </summary>
    private const double MinTableWidthInches = 2.0;

    /// <summary>Whether the pixel at (x, y) is ink of a rule running horizontally or vertically (see <see cref="RuleLight"/>).</summary>
    private static bool IsRuleInk(byte[] px, int w, int h, int x, int y, bool horizontal, int reach)
    {
        var v = px[y * w + x];
        if (v < Dark)
        {
            return true;
        }

        if (v >= RuleLight)
        {
            return false;
        }

        // Across the rule: above and below a horizontal one, left and right of a vertical one; off the page is paper. The
        // paper is looked for at one and two reaches: a double rule (two light lines 4–5 px apart, as a table drawn with
        // rectangles prints under a header, lo-45-007-err at 200 dpi) has the other line at one reach on one side.
        int before, after;
        if (horizontal)
        {
            before = Math.Max(At(px, w, h, x, y - reach), At(px, w, h, x, y - 2 * reach));
            after = Math.Max(At(px, w, h, x, y + reach), At(px, w, h, x, y + 2 * reach));
        }
        else
        {
            before = Math.Max(At(px, w, h, x - reach, y), At(px, w, h, x - 2 * reach, y));
            after = Math.Max(At(px, w, h, x + reach, y), At(px, w, h, x + 2 * reach, y));
        }

        return Math.Min(before, after) - v >= RuleContrast;
    }

    /// <summary>The pixel at (x, y); off the page is paper.</summary>
    private static byte At(byte[] px, int w, int h, int x, int y) => x >= 0 && y >= 0 && x < w && y < h ? px[y * w + x] : (byte)255;

    /// <summary>
    /// Rules in one direction: dark runs of at least <paramref name="minRun"/> pixels (gaps of two pixels bridged, for
    /// scanner dropouts), joined with the runs of neighbouring rows or columns that overlap them.
    /// </summary>
    private static List<RuleSegment> Segments(GrayImage image, int dpi, int minRun, bool horizontal, int maxThickness)
    {
        var (w, h, px) = (image.Width, image.Height, image.Pixels);
        var (lines, length) = horizontal ? (h, w) : (w, h);
        var reach = Math.Max(2, (int)Math.Round(dpi * ContrastReachInches));
        var runs = new List<(int Line, int From, int To)>();
        for (var line = 0; line < lines; line++)
        {
            int start = -1, last = -1;
            for (var i = 0; i <= length; i++)
            {
                var dark = i < length && IsRuleInk(px, w, h, horizontal ? i : line, horizontal ? line : i, horizontal, reach);
                if (dark)
                {
                    if (start < 0)
                    {
                        start = i;
                    }

                    last = i;
                }
                else if (start >= 0 && (i == length || i - last > 2))
                {
                    if (last - start + 1 >= minRun)
                    {
                        runs.Add((line, start, last));
                    }

                    start = -1;
                }
            }
        }

        // Runs are ordered by line; a run joins a segment whose last line is adjacent and whose extent overlaps.
        var open = new List<(int FirstLine, int LastLine, int From, int To, long WeightedLine, long Weight)>();
        var done = new List<RuleSegment>();
        void Close(int k)
        {
            var s = open[k];
            var thickness = s.LastLine - s.FirstLine + 1;
            if (thickness <= maxThickness)
            {
                done.Add(new RuleSegment((double)s.WeightedLine / s.Weight, s.From, s.To));
            }

            open.RemoveAt(k);
        }

        foreach (var run in runs)
        {
            for (var k = open.Count - 1; k >= 0; k--)
            {
                if (open[k].LastLine < run.Line - 2)
                {
                    Close(k);
                }
            }

            var joined = false;
            for (var k = 0; k < open.Count && !joined; k++)
            {
                var s = open[k];
                if (s.LastLine >= run.Line - 2 && s.LastLine < run.Line && Math.Min(s.To, run.To) - Math.Max(s.From, run.From) > 0)
                {
                    var len = run.To - run.From + 1;
                    open[k] = (s.FirstLine, run.Line, Math.Min(s.From, run.From), Math.Max(s.To, run.To), s.WeightedLine + (long)run.Line * len, s.Weight + len);
                    joined = true;
                }
            }

            if (!joined)
            {
                var len = run.To - run.From + 1;
                open.Add((run.Line, run.Line, run.From, run.To, (long)run.Line * len, len));
            }
        }

        for (var k = open.Count - 1; k >= 0; k--)
        {
            Close(k);
        }

        return done;
    }
}
