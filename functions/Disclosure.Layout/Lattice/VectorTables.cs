using Disclosure.Core.Layout;

namespace Disclosure.Layout;

/// <summary>Thresholds of the lattice stage for text-layer pages, in points.</summary>
public sealed record VectorTableOptions
{
    /// <summary>Rules closer than this are one grid line: a border drawn once per cell edge, or as a thin rectangle, wobbles by a fraction of a point.</summary>
    public double RuleTolerance { get; init; } = 2.0;

    /// <summary>Rules on one line whose ends are this close are one rule: Chromium draws a row rule as one piece per cell, touching or overlapping by a pixel.</summary>
    public double RuleJoinGap { get; init; } = 2.0;

    /// <summary>One row is enough: the last row of a table that a page break cut off stands alone on the next page.</summary>
    public int MinRows { get; init; } = 1;

    /// <summary>A ruled box needs two columns to be a table; a single framed box is running text in a frame.</summary>
    public int MinColumns { get; init; } = 2;

    /// <summary>Confidence given to a cell that holds a letter without a Unicode mapping: its reading is incomplete, so it is flagged.</summary>
    public double UnmappedConfidence { get; init; } = 0.5;

    /// <summary>Two numbers on one line of a cell further apart than this many ems are two cells' values: the rule between them is missing.</summary>
    public double ValueGap { get; init; } = 1.0;

    /// <summary>Letters whose centres are this many ems apart vertically are on different lines of a cell.</summary>
    public double LineSplit { get; init; } = 0.5;

    /// <summary>How a grid with missing inner column rules is completed from the text before falling back to geometry.</summary>
    public TextColumnOptions TextColumns { get; init; } = TextColumnOptions.Default;

    public static VectorTableOptions Default { get; } = new();
}

/// <summary>A text-layer page split by the lattice stage: words outside ruled tables, and the ruled tables read from their letters.</summary>
public sealed record LatticePage(PageWords Words, IReadOnlyList<GridPart> Grids)
{
    /// <summary>The page with the stage's internal markers removed from cell text.</summary>
    internal LatticePage Strip() => this with
    {
        Grids = [.. Grids.Select(g => g with { Cells = [.. g.Cells.Select(c => c.Text.Contains('\u0001', StringComparison.Ordinal) ? c with { Text = c.Text.Replace("\u0001", "", StringComparison.Ordinal) } : c)] })],
    };
}

/// <summary>
/// Lattice before stream, for text-layer pages: the rules a PDF draws (lines, thin rectangles, one per cell edge or one
/// per border) go through the same grid stage as a scan's raster rules (<see cref="GridBuilder"/>), and a cell's text is
/// every letter whose centre lies inside it, joined across wrapped lines. Letters outside ruled tables are left to the
/// stream stage (<see cref="LayoutBuilder"/>). Pure.
/// </summary>
public static class VectorTables
{
    /// <param name="continued">The column rules of the previous page's last ruled table, for a table that a page break cut (see <see cref="TextColumns"/>).</param>
    public static LatticePage Read(TextLayerPage page, VectorTableOptions? options = null, GlyphWordOptions? words = null, IReadOnlyList<double>? continued = null)
    {
        options ??= VectorTableOptions.Default;
        var gridOptions = new RuleGridOptions { Tolerance = options.RuleTolerance, CloseOpenSides = true, JoinGap = options.RuleJoinGap };
        var tables = GridBuilder.Build(page.Horizontal, page.Vertical, gridOptions)
            .Where(t => t.Xs.Count - 1 >= options.MinColumns && t.Ys.Count - 1 >= options.MinRows && t.Cells.Count >= 2)
            .ToList();
        var result = ReadTables(page, tables, options, words);

        // A grid with a cell holding two separate numbers on one line is missing a rule (borders left out): its cells
        // would glue values of several columns together. Such tables are read from geometry instead (stream).
        var broken = Broken(result);
        if (broken.Count == 0)
        {
            return result.Strip();
        }

        // First try to complete the grid from the text: column boundaries in the white stripes between the values.
        var completed = tables.Select((t, i) => broken.Contains(i) && TextColumns.Split(t, page.Letters, Merged(result.Grids[i]), options.TextColumns, i == 0 ? continued : null) is { } split ? split : t).ToList();
        result = ReadTables(page, completed, options, words);
        broken = Broken(result);
        return broken.Count == 0 ? result.Strip() : ReadTables(page, [.. completed.Where((_, i) => !broken.Contains(i))], options, words).Strip();
    }

    private static HashSet<int> Broken(LatticePage read) => [.. read.Grids.Select((g, i) => (g, i)).Where(x => Merged(x.g).Count > 0).Select(x => x.i)];

    /// <summary>Indexes of the cells (in the ruled table's order) holding values of several columns.</summary>
    private static List<int> Merged(GridPart grid) =>
        [.. grid.Cells.Select((c, k) => (c, k)).Where(x => x.c.Text.Contains(MergedValues, StringComparison.Ordinal)).Select(x => x.k)];

    /// <summary>Marks, inside cell text, two numbers on one line with a wide gap between them (see <see cref="VectorTableOptions.ValueGap"/>).</summary>
    private const string MergedValues = "\u0001";

    private static LatticePage ReadTables(TextLayerPage page, List<RuledTable> tables, VectorTableOptions options, GlyphWordOptions? words)
    {

        var outside = new List<Glyph>();
        var inside = tables.Select(t => new List<Glyph>[t.Cells.Count]).ToList();
        var lookup = tables.Select(CellLookup).ToList();

        // A table running off the page (fixed column widths wider than the text area) keeps the letters beyond the
        // page edge in its outer columns: the text layer still has them where the paper does not.
        var reach = tables.Select(t => (
            Left: t.Left <= options.RuleTolerance ? double.NegativeInfinity : t.Left,
            Right: t.Right >= page.Width - options.RuleTolerance ? double.PositiveInfinity : t.Right)).ToList();
        foreach (var g in page.Letters)
        {
            var placed = false;
            for (var t = 0; t < tables.Count && !placed; t++)
            {
                if (Locate(tables[t], lookup[t], reach[t], g.Box.CenterX, g.Box.CenterY) is { } cell)
                {
                    (inside[t][cell] ??= []).Add(g);
                    placed = true;
                }
            }

            if (!placed)
            {
                outside.Add(g);
            }
        }

        var grids = new List<GridPart>();
        for (var t = 0; t < tables.Count; t++)
        {
            var table = tables[t];
            var cells = new List<LayoutCell>();
            for (var k = 0; k < table.Cells.Count; k++)
            {
                var c = table.Cells[k];
                var box = new BoundingBox(table.Xs[c.Column], table.Ys[c.Row], table.Xs[c.Column + c.ColumnSpan], table.Ys[c.Row + c.RowSpan]);
                var unmapped = page.UnmappedBoxes.Any(b => b.CenterX >= box.Left && b.CenterX < box.Right && b.CenterY >= box.Top && b.CenterY < box.Bottom);
                cells.Add(new LayoutCell(c.Row, c.Column, CellText(inside[t][k] ?? [], options, words), c.RowSpan, c.ColumnSpan, false, box,
                    unmapped ? options.UnmappedConfidence : null, page.Page));
            }

            grids.Add(new GridPart(page.Page, table.Xs, new BoundingBox(table.Left, table.Top, table.Right, table.Bottom), GridTables.MarkHeaders(cells)));
        }

        return new LatticePage(new PageWords(page.Page, page.Width, page.Height, GlyphWords.Build(outside, words)), grids);
    }

    /// <summary>The letters of one cell as text: lines top to bottom, words left to right; wrapped CJK lines join without a space.</summary>
    internal static string CellText(IReadOnlyList<Glyph> letters, VectorTableOptions options, GlyphWordOptions? wordOptions)
    {
        if (letters.Count == 0)
        {
            return "";
        }

        var lines = new List<List<Glyph>>();
        double center = 0;
        foreach (var g in letters.OrderBy(g => g.Box.CenterY))
        {
            if (lines.Count == 0 || g.Box.CenterY - center > options.LineSplit * Math.Max(1e-3, g.Size))
            {
                lines.Add([]);
            }

            lines[^1].Add(g);
            center = lines[^1].Average(x => x.Box.CenterY);
        }

        var text = "";
        foreach (var line in lines)
        {
            PositionedWord? previous = null;
            foreach (var word in GlyphWords.Build(line.OrderBy(g => g.Box.Left), wordOptions))
            {
                if (previous is not null && TextRules.IsValue(previous.Text) && TextRules.IsValue(word.Text)
                    && word.Box.Left - previous.Box.Right > options.ValueGap * word.Box.Height)
                {
                    text += MergedValues;
                }

                text = TextRules.Join(text, word.Text);
                previous = word;
            }
        }

        return text;
    }

    /// <summary>For each grid unit (row, column) the index of the cell covering it.</summary>
    private static int[,] CellLookup(RuledTable table)
    {
        var map = new int[table.Ys.Count - 1, table.Xs.Count - 1];
        for (var k = 0; k < table.Cells.Count; k++)
        {
            var c = table.Cells[k];
            for (var r = c.Row; r < c.Row + c.RowSpan; r++)
            {
                for (var col = c.Column; col < c.Column + c.ColumnSpan; col++)
                {
                    map[r, col] = k;
                }
            }
        }

        return map;
    }

    private static int? Locate(RuledTable table, int[,] map, (double Left, double Right) reach, double x, double y)
    {
        if (x < reach.Left || x >= reach.Right || y < table.Top || y >= table.Bottom)
        {
            return null;
        }

        var col = Interval(table.Xs, x);
        var row = Interval(table.Ys, y);
        return map[row, col];
    }

    private static int Interval(IReadOnlyList<double> bounds, double v)
    {
        for (var i = 1; i < bounds.Count - 1; i++)
        {
            if (v < bounds[i])
            {
                return i - 1;
            }
        }

        return bounds.Count - 2;
    }
}
