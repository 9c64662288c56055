using Disclosure.Layout;
using Disclosure.Ocr.Raster;

namespace Disclosure.Ocr.Local;

/// <summary>
/// A ruled table whose inner column rules are missing (printed without them, or lost to the scan) has cells that each
/// hold several columns' values side by side; read cell by cell they run together (5317810 2 → "53178102") and the
/// table is lost. A cell hides columns when its ink falls into runs separated by a gap far wider than its text is high:
/// within one cell's text the gaps are word spaces. Such a table gets its column lines back, one between each two
/// values (<see cref="Restore"/>), and is read cell by cell; the stream stages (camelot: stream where the lattice does
/// not hold) could not rebuild table 4 under one-character-per-line headers. Pure: pixels in, a table out.
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
    /// Only a table of at most this many rows is restored: table 4 (two or three header rows and its value row).
    /// Longer tables (table 2's and 3's) wrap their labels over several lines around values centred between them, so
    /// their rows split when they were read by geometry: on lo-21-000 and lo-21-010 that lost a minus sign and shifted a value a
    /// column (3 silent cells); their missing value rules are handled cell by cell (CellPieces, TextColumns).
    /// </summary>
    internal const int MaxRows = 4;

    /// <summary>
    /// A run of ink in the value row with less than this share of the typical run's ink is a speck of the scan, not a
    /// value (a lone 1 has about a third of a 0's ink; noise specks a few hundredths): kept, it would make a column and
    /// shift the values after it.
    /// </summary>
    internal const double SpeckShare = 0.15;

    /// <summary>
    /// Where the values are cut apart, runs closer than this many text heights are one value: the digits of a number are
    /// under a quarter of a height apart, two values at least two cell paddings (over one height at 9–14 pt in table 4's
    /// narrowest columns). <see cref="ColumnGap"/>, which only has to tell that a cell hides columns, joined two values
    /// 106 px apart under a 53 px height (lo-33-005-err).
    /// </summary>
    internal const double ValueGap = 1.0;

    /// <summary>Whether the table's grid is missing column rules (see the class summary).</summary>
    public static bool HidesColumns(GrayImage image, RuledTable table, int dpi) => ValueRow(image, table, dpi) is not null;

    /// <summary>
    /// The row whose cells hide columns, with the height of its text; null when no cell does (or the
    /// table is longer than <see cref="MaxRows"/>).
    /// </summary>
    private static (int Row, double TextHeight)? ValueRow(GrayImage image, RuledTable table, int dpi)
    {
        if (table.Ys.Count - 1 > MaxRows)
        {
            return null;
        }

        var inked = table.Cells.Select(c => (Cell: c, Ink: CellReader.InkBounds(image, c, dpi))).Where(x => x.Ink is not null).ToList();
        if (inked.Count == 0)
        {
            return null;
        }

        // One line of text: the typical cell's ink height (most cells hold one line; wrapped ones are taller), or the
        // cell's own when lower: a value row of digits under taller header characters (lo-33-005-err at 200 dpi: digits
        // 46 px high, header lines 54, values 106 px apart, under two header heights and so not told apart).
        var typical = Disclosure.Layout.Stream.Geometry.Median(inked.Select(x => (double)x.Ink!.Value.Height));
        foreach (var (cell, ink) in inked)
        {
            var h = Math.Min(typical, ink!.Value.Height);
            if (InkRuns.Across(image, ink.Value, (int)Math.Ceiling(ColumnGap * h), InkRuns.MinInk(dpi)).Count >= ManyRuns)
            {
                return (cell.Row, h);
            }
        }

        return null;
    }

    /// <summary>
    /// The table with the column lines its value row is missing put back: one column per value, the line midway between
    /// neighbouring values (one-character-per-line headers included, which the stream stages cannot rebuild:
    /// lo-33-005-err, lo-45-005-err). A blank value makes the row a column short, which the extraction flags rather than
    /// guess where the blank was (Table4Mapper). Only the value row's cells are cut; header cells keep their text whole,
    /// spanning the new columns. The table itself when no cell hides columns.
    /// </summary>
    public static RuledTable Restore(GrayImage image, RuledTable table, int dpi)
    {
        if (ValueRow(image, table, dpi) is not { } found)
        {
            return table;
        }

        var (row, h) = found;
        var spans = table.Cells.Where(c => c.Row == row && c.RowSpan == 1)
            .SelectMany(c => CellReader.InkBounds(image, c, dpi) is { } b ? InkRuns.Across(image, b, (int)Math.Ceiling(ValueGap * h), InkRuns.MinInk(dpi)) : [])
            .OrderBy(s => s.From).ToList();
        var typical = Disclosure.Layout.Stream.Geometry.Median(spans.Select(s => (double)s.Ink));
        var values = spans.Where(s => s.Ink >= SpeckShare * typical).ToList();
        var lines = new List<double>();
        for (var k = 1; k < values.Count; k++)
        {
            lines.Add((values[k - 1].To + values[k].From) / 2.0);
        }

        return Cut(table, row, lines, Math.Max(4, dpi / 40));
    }

    /// <summary>
    /// The table with <paramref name="lines"/> added as column lines (a line within <paramref name="tolerance"/> of a
    /// drawn one is that one): the cells of <paramref name="row"/> are cut at every line they cross, the others span them.
    /// </summary>
    internal static RuledTable Cut(RuledTable table, int row, IReadOnlyList<double> lines, double tolerance)
    {
        var xs = table.Xs.Concat(lines.Where(x => x > table.Left + tolerance && x < table.Right - tolerance && table.Xs.All(d => Math.Abs(d - x) > tolerance)))
            .Order().ToList();
        int Index(double x) => xs.IndexOf(xs.MinBy(d => Math.Abs(d - x)));
        var cells = new List<RuledCell>();
        foreach (var c in table.Cells)
        {
            var (from, to) = (Index(c.Left), Index(c.Right));
            if (c.Row == row && c.RowSpan == 1)
            {
                for (var k = from; k < to; k++)
                {
                    cells.Add(new RuledCell(c.Row, k, 1, 1, (int)Math.Round(xs[k]), c.Top, (int)Math.Round(xs[k + 1]), c.Bottom));
                }
            }
            else
            {
                cells.Add(c with { Column = from, ColumnSpan = to - from });
            }
        }

        cells.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column.CompareTo(b.Column));
        return new RuledTable(xs, table.Ys, cells);
    }
}
