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
    /// One cell must fall into at least this many runs: table 4's value row, fifteen values in one cell. No other table has
    /// ten values in a row (table 3 has seven, table 2 at most three), whose cells are read apart cell by cell (CellPieces).
    /// </summary>
    internal const int ManyRuns = 10;

    /// <summary>
    /// Only a table of at most this many rows is read by geometry instead: table 4 (two header rows and its value row).
    /// Longer tables (table 2's and 3's) wrap their labels over several lines around values centred between them, so
    /// their rows split when read by geometry: on lo-21-000 and lo-21-010 that lost a minus sign and shifted a value a
    /// column (3 silent cells); their missing value rules are handled cell by cell (CellPieces, TextColumns).
    /// </summary>
    internal const int MaxRows = 4;

    /// <summary>Whether the table's grid is missing column rules (see the class summary).</summary>
    public static bool HidesColumns(GrayImage image, RuledTable table, int dpi)
    {
        if (table.Ys.Count - 1 > MaxRows)
        {
            return false;
        }

        var inked = table.Cells.Select(c => (Cell: c, Ink: CellReader.InkBounds(image, c, dpi))).Where(x => x.Ink is not null).ToList();
        if (inked.Count == 0)
        {
            return false;
        }

        // One line of text: the typical cell's ink height (most cells hold one line; wrapped ones are taller).
        var h = Disclosure.Layout.Stream.Geometry.Median(inked.Select(x => (double)x.Ink!.Value.Height));
        var split = inked.Select(x => (x.Cell.Row, Runs: Runs(image, x.Ink!.Value, (int)Math.Ceiling(ColumnGap * h)))).Where(x => x.Runs >= 2).ToList();
        return split.Any(x => x.Runs >= ManyRuns);
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
