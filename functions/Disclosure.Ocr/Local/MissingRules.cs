using Disclosure.Layout;
using Disclosure.Ocr.Raster;

namespace Disclosure.Ocr.Local;

/// <summary>
/// A ruled table whose inner column rules are missing (printed without them, or lost to the scan) has cells that each
/// hold several columns' values side by side; read cell by cell they run together (5317810 2 → "53178102") and the
/// table is lost. Such a table is better read from text geometry, as a table without rules (camelot: stream where the
/// lattice does not hold). A cell hides columns when its ink falls into runs separated by a gap far wider than its text
/// is high: within one cell's text the gaps are word spaces. Pure: pixels in, a decision out.
/// </summary>
internal static class MissingRules
{
    /// <summary>Ink runs further apart than this many text heights are different columns' text (word spaces are under one).</summary>
    internal const double ColumnGap = 2.0;

    /// <summary>
    /// At least this many cells, in different rows, must hide columns: one is a cell laid out with a wide gap, a missing
    /// rule repeats down the table.
    /// </summary>
    internal const int MinRows = 2;

    /// <summary>... or one cell must fall into at least this many runs (a one-row table such as table 4: fifteen values in one cell).</summary>
    internal const int ManyRuns = 3;

    /// <summary>Whether the table's grid is missing column rules (see the class summary).</summary>
    public static bool HidesColumns(GrayImage image, RuledTable table, int dpi)
    {
        var inked = table.Cells.Select(c => (Cell: c, Ink: CellReader.InkBounds(image, c, dpi))).Where(x => x.Ink is not null).ToList();
        if (inked.Count == 0)
        {
            return false;
        }

        // One line of text: the typical cell's ink height (most cells hold one line; wrapped ones are taller).
        var h = Disclosure.Layout.Stream.Geometry.Median(inked.Select(x => (double)x.Ink!.Value.Height));
        var split = inked.Select(x => (x.Cell.Row, Runs: Runs(image, x.Ink!.Value, (int)Math.Ceiling(ColumnGap * h)))).Where(x => x.Runs >= 2).ToList();
        return split.Select(x => x.Row).Distinct().Count() >= MinRows || split.Any(x => x.Runs >= ManyRuns);
    }

    /// <summary>The number of ink runs across the box, runs closer than <paramref name="gap"/> pixels counted as one.</summary>
    internal static int Runs(GrayImage image, CellReader.PixelBox box, int gap)
    {
        var runs = 0;
        var lastInk = int.MinValue / 2;
        for (var x = box.Left; x < box.Right; x++)
        {
            var inked = false;
            for (var y = box.Top; y < box.Bottom && !inked; y++)
            {
                inked = image.Pixels[y * image.Width + x] < CellReader.Ink;
            }

            if (inked)
            {
                if (x - lastInk > gap)
                {
                    runs++;
                }

                lastInk = x;
            }
        }

        return runs;
    }
}
