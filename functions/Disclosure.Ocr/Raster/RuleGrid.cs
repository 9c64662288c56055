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
    private const int Dark = 150;

    /// <summary>Ruled tables on a straightened page: long dark runs are rules (a glyph stroke is never a fifth of an inch long in body text).</summary>
    public static IReadOnlyList<RuledTable> Detect(GrayImage image, int dpi)
    {
        var horizontal = Segments(image, dpi / 5, horizontal: true, maxThickness: Math.Max(6, dpi / 20));
        var vertical = Segments(image, dpi / 6, horizontal: false, maxThickness: Math.Max(6, dpi / 20));
        return [.. GridBuilder.Build(horizontal, vertical, new RuleGridOptions { Tolerance = Math.Max(4, dpi / 40) })
            .Where(t => t.Right - t.Left >= MinTableWidthInches * dpi)];
    }

    /// <summary>
    /// The narrowest ruled table kept, in inches. The report's tables span the text width (five inches or more, a
    /// continuation after a page break too); the strokes of a large bold title cross within half an inch and made
    /// one- and two-cell "tables" that swallowed the title line (lo-21-004: 鹤壁市… read as ：壁市…, agency lost).
    /// </summary>
    private const double MinTableWidthInches = 2.0;

    /// <summary>
    /// Rules in one direction: dark runs of at least <paramref name="minRun"/> pixels (gaps of two pixels bridged, for
    /// scanner dropouts), joined with the runs of neighbouring rows or columns that overlap them.
    /// </summary>
    private static List<RuleSegment> Segments(GrayImage image, int minRun, bool horizontal, int maxThickness)
    {
        var (w, h, px) = (image.Width, image.Height, image.Pixels);
        var (lines, length) = horizontal ? (h, w) : (w, h);
        var runs = new List<(int Line, int From, int To)>();
        for (var line = 0; line < lines; line++)
        {
            int start = -1, last = -1;
            for (var i = 0; i <= length; i++)
            {
                var dark = i < length && px[horizontal ? line * w + i : i * w + line] < Dark;
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
