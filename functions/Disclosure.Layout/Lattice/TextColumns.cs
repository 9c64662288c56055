namespace Disclosure.Layout;

/// <summary>Thresholds of the text-columns stage, in ems of the letters' font size.</summary>
public sealed record TextColumnOptions
{
    /// <summary>A boundary lies in a white stripe at least this wide through every value line of the band: a narrower gap is a word space, not a cell border.</summary>
    public double MinGap { get; init; } = 0.3;

    /// <summary>A header letter closer than this to a boundary keeps the header cell whole there (it spans both columns).</summary>
    public double HeaderClearance { get; init; } = 0.1;

    /// <summary>Column positions within this many points are one rule: a table continued from the previous page (same page layout), or two sections of one table.</summary>
    public double ContinuedTolerance { get; init; } = 2.0;

    public static TextColumnOptions Default { get; } = new();
}

/// <summary>
/// Stage "grid (rules, completed from text)": a ruled table whose inner column rules are missing (borders left out
/// between value columns) has cells holding several values on one line. The rows of such a cell, and the cells above
/// and below with the same extent (its header, the other rows of its section), form a band; the band's values give
/// its columns (a value never straddles two columns) and a boundary is placed in the white stripe between two value
/// columns, clear of every value line. Header cells are cut only where the boundary is clear of their letters, else
/// they span. Only where every value of the band lands in one column is the table changed; otherwise null (the caller
/// falls back to geometry, whose doubtful readings are flagged). Pure.
/// </summary>
public static class TextColumns
{
    /// <param name="continued">The column rules of the previous page's last table: a band without a header of its own
    /// (the table continues after a page break) takes its columns from there, where its values fit them.</param>
    /// <param name="partial">Scans: a band whose columns are not confirmed does not stop the others (its cells stay as they
    /// are, still gluing values, which the caller flags); a band without a header of its own then takes the columns the
    /// table's confirmed bands found, only where each of its value lines has exactly one value in each of them.</param>
    internal static RuledTable? Split(RuledTable table, IReadOnlyList<Glyph> letters, IReadOnlyCollection<int> mergedCells, TextColumnOptions options, IReadOnlyList<double>? continued = null, bool partial = false)
    {
        var pending = new List<List<int>>();
        // Each band has its own columns (sections of one table differ: three value columns in one, two in the next).
        var boundaries = new List<double>();
        var bandCells = new Dictionary<int, List<double>>();
        foreach (var k in mergedCells)
        {
            if (bandCells.ContainsKey(k))
            {
                continue;
            }

            var band = Band(table, k);
            var found = Boundaries(table, band, letters, options) ?? Continued(table, band, letters, options, continued);
            if (found is null && partial)
            {
                foreach (var cell in band)
                {
                    bandCells[cell] = [];
                }

                pending.Add(band);
                continue;
            }

            if (found is null)
            {
                return null;
            }

            // Boundaries of different bands a hair apart are one column rule (the template's columns line up): snapped
            // to the one already found where no letter of this band is in the way.
            var bandLetters = band.SelectMany(i => Letters(table, table.Cells[i], letters)).ToList();
            found = [.. found.Select(b => boundaries.FirstOrDefault(x => Math.Abs(x - b) <= options.ContinuedTolerance
                && bandLetters.All(g => g.Box.Right <= x || g.Box.Left >= x), b))];
            foreach (var cell in band)
            {
                bandCells[cell] = found;
            }

            boundaries.AddRange(found.Where(b => !boundaries.Any(x => Math.Abs(x - b) < 1e-6)));
        }

        if (boundaries.Count == 0)
        {
            return null;
        }

        foreach (var band in pending)
        {
            if (Within(table, band, letters, options, boundaries) is { } own)
            {
                foreach (var cell in band)
                {
                    bandCells[cell] = own;
                }
            }
            else
            {
                foreach (var cell in band)
                {
                    bandCells.Remove(cell);
                }
            }
        }

        // New column rules at the boundaries; every cell keeps its extent, band cells are cut where they are clear.
        var xs = table.Xs.Concat(boundaries).Order().ToList();
        int Index(double x) => xs.FindIndex(v => Math.Abs(v - x) < 1e-6);
        var cells = new List<RuledCell>();
        for (var k = 0; k < table.Cells.Count; k++)
        {
            var c = table.Cells[k];
            var from = Index(table.Xs[c.Column]);
            var to = Index(table.Xs[c.Column + c.ColumnSpan]);
            var cuts = new List<int> { from };
            if (bandCells.TryGetValue(k, out var own))
            {
                var inside = Letters(table, c, letters);
                var values = IsValueCell(inside);
                foreach (var b in own.Where(b => b > xs[from] && b < xs[to]).Order())
                {
                    if (values || inside.All(g => g.Box.Right <= b - options.HeaderClearance * g.Size || g.Box.Left >= b + options.HeaderClearance * g.Size))
                    {
                        cuts.Add(Index(b));
                    }
                }
            }

            cuts.Add(to);
            for (var i = 0; i + 1 < cuts.Count; i++)
            {
                cells.Add(new RuledCell(c.Row, cuts[i], c.RowSpan, cuts[i + 1] - cuts[i],
                    (int)Math.Round(xs[cuts[i]]), c.Top, (int)Math.Round(xs[cuts[i + 1]]), c.Bottom));
            }
        }

        cells.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column.CompareTo(b.Column));
        return new RuledTable(xs, table.Ys, cells);
    }

    /// <summary>The cell and the cells above and below it with exactly its column extent (its header, its section's other rows).</summary>
    private static List<int> Band(RuledTable table, int k)
    {
        var c = table.Cells[k];
        var band = new List<int> { k };
        int? At(int row) => table.Cells.Select((x, i) => (x, i))
            .Where(t => t.x.Row <= row && row < t.x.Row + t.x.RowSpan && t.x.Column <= c.Column && c.Column < t.x.Column + t.x.ColumnSpan)
            .Select(t => (int?)t.i).FirstOrDefault();
        bool Same(int i) => table.Cells[i].Column == c.Column && table.Cells[i].ColumnSpan == c.ColumnSpan;
        for (var r = c.Row - 1; r >= 0;)
        {
            if (At(r) is not { } i || !Same(i))
            {
                break;
            }

            band.Add(i);
            r = table.Cells[i].Row - 1;
        }

        for (var r = c.Row + c.RowSpan; r < table.Ys.Count - 1;)
        {
            if (At(r) is not { } i || !Same(i))
            {
                break;
            }

            band.Add(i);
            r = table.Cells[i].Row + table.Cells[i].RowSpan;
        }

        return band;
    }

    /// <summary>One boundary between each two value columns of the band, or null when the values do not fall into clear columns.</summary>
    private static List<double>? Boundaries(RuledTable table, List<int> band, IReadOnlyList<Glyph> letters, TextColumnOptions options)
    {
        var valueLetters = new List<Glyph>();
        var valueWords = new List<PositionedWord>();
        var headers = new List<List<Glyph>>();
        foreach (var k in band)
        {
            var inside = Letters(table, table.Cells[k], letters);
            if (!IsValueCell(inside))
            {
                headers.Add(inside);
                continue;
            }

            valueLetters.AddRange(inside);
            valueWords.AddRange(Lines(inside).SelectMany(l => GlyphWords.Build(l)).Where(w => TextRules.IsValue(w.Text)));
        }

        if (valueWords.Count < 2)
        {
            return null;
        }

        // Value columns: the union of the values' extents.
        var columns = new List<(double Left, double Right)>();
        foreach (var w in valueWords.OrderBy(w => w.Box.Left))
        {
            if (columns.Count > 0 && w.Box.Left <= columns[^1].Right)
            {
                columns[^1] = (columns[^1].Left, Math.Max(columns[^1].Right, w.Box.Right));
            }
            else
            {
                columns.Add((w.Box.Left, w.Box.Right));
            }
        }

        if (columns.Count < 2)
        {
            return null;
        }

        // A boundary lies in a white stripe between two value columns: clear of the header letters too where it can be
        // (headers may be left-aligned while values are centred), else clear of the values only (a header spanning both).
        var em = valueLetters.Select(g => g.Size).Order().ElementAt(valueLetters.Count / 2);
        var valueInk = Ink(valueLetters, 0);
        var allInk = Ink(valueLetters.Concat(headers.SelectMany(h => h)), 0);
        double? Stripe(List<(double Left, double Right)> ink, double from, double to)
        {
            var gaps = ink.Zip(ink.Skip(1), (a, b) => (Left: a.Right, Right: b.Left))
                .Where(g => g.Left >= from - 1e-6 && g.Right <= to + 1e-6 && g.Right - g.Left >= options.MinGap * em).ToList();
            return gaps.Count == 0 ? null : gaps.Select(g => (g.Left + g.Right) / 2).ElementAt(gaps.FindIndex(g => g.Right - g.Left == gaps.Max(x => x.Right - x.Left)));
        }

        var result = new List<double>();
        for (var i = 0; i + 1 < columns.Count; i++)
        {
            if ((Stripe(allInk, columns[i].Right, columns[i + 1].Left) ?? Stripe(valueInk, columns[i].Right, columns[i + 1].Left)) is not { } b)
            {
                return null;
            }

            result.Add(b);
        }

        // The header confirms the columns: one header cell shows exactly one text block inside each column, and no
        // header cell has two blocks inside one column (a column blank in every row, whose values cannot be told
        // apart from its neighbour's). A block across a boundary is a header spanning columns. Without a confirming
        // header the columns are not certain.
        var edges = new List<double> { double.NegativeInfinity };
        edges.AddRange(result);
        edges.Add(double.PositiveInfinity);
        var confirmed = false;
        foreach (var blocks in headers.Select(h => Ink(h, options.MinGap * em)))
        {
            var per = Enumerable.Range(0, columns.Count).Select(c => blocks.Count(x => x.Left >= edges[c] && x.Right <= edges[c + 1])).ToList();
            if (per.Any(n => n > 1))
            {
                return null;
            }

            confirmed |= per.All(n => n == 1) && blocks.Count == columns.Count;
        }

        if (!confirmed)
        {
            return null;
        }

        return result;
    }

    /// <summary>The x extents of the letters, letters closer than <paramref name="join"/> merged into one block.</summary>
    private static List<(double Left, double Right)> Ink(IEnumerable<Glyph> letters, double join)
    {
        var ink = new List<(double Left, double Right)>();
        foreach (var g in letters.OrderBy(g => g.Box.Left))
        {
            if (ink.Count > 0 && g.Box.Left <= ink[^1].Right + join)
            {
                ink[^1] = (ink[^1].Left, Math.Max(ink[^1].Right, g.Box.Right));
            }
            else
            {
                ink.Add((g.Box.Left, g.Box.Right));
            }
        }

        return ink;
    }

    /// <summary>
    /// The previous page's column rules inside the band's extent, when the band has no header of its own (a table
    /// continued after a page break) and no value letter straddles one of them.
    /// </summary>
    private static List<double>? Continued(RuledTable table, List<int> band, IReadOnlyList<Glyph> letters, TextColumnOptions options, IReadOnlyList<double>? continued)
    {
        var c = table.Cells[band[0]];
        var (left, right) = (table.Xs[c.Column], table.Xs[c.Column + c.ColumnSpan]);
        var tol = options.ContinuedTolerance;
        if (continued is null || !continued.Any(x => Math.Abs(x - left) <= tol) || !continued.Any(x => Math.Abs(x - right) <= tol))
        {
            return null;
        }

        var inside = band.Select(k => Letters(table, table.Cells[k], letters)).ToList();
        if (inside.Any(l => !IsValueCell(l)))
        {
            return null;
        }

        var bounds = continued.Where(x => x > left + tol && x < right - tol).ToList();
        return bounds.Count > 0 && inside.SelectMany(l => l).All(g => bounds.All(b => g.Box.Right <= b || g.Box.Left >= b)) ? bounds : null;
    }

    /// <summary>
    /// Columns for a band with no header of its own (a row at the top of a page, its header on the page before) from the
    /// boundaries the table's other bands found: those inside the band, when every cell of the band holds values and each
    /// of its value lines has exactly one value between each two of them (nothing placed by guess), none straddling one.
    /// </summary>
    private static List<double>? Within(RuledTable table, List<int> band, IReadOnlyList<Glyph> letters, TextColumnOptions options, IReadOnlyList<double> found)
    {
        var c = table.Cells[band[0]];
        var (left, right) = (table.Xs[c.Column], table.Xs[c.Column + c.ColumnSpan]);
        var tol = options.ContinuedTolerance;
        var bounds = found.Where(x => x > left + tol && x < right - tol).Order().ToList();
        if (bounds.Count == 0)
        {
            return null;
        }

        var edges = new List<double> { left };
        edges.AddRange(bounds);
        edges.Add(right);
        foreach (var k in band)
        {
            var inside = Letters(table, table.Cells[k], letters);
            if (!IsValueCell(inside) || inside.Any(g => bounds.Any(b => g.Box.Left < b && g.Box.Right > b)))
            {
                return null;
            }

            foreach (var line in Lines(inside))
            {
                var words = GlyphWords.Build(line).ToList();
                if (words.Count == 0)
                {
                    continue;
                }

                if (words.Any(w => !TextRules.IsValue(w.Text)) || words.Count != edges.Count - 1)
                {
                    return null;
                }

                for (var i = 0; i + 1 < edges.Count; i++)
                {
                    if (words.Count(w => w.Box.Left >= edges[i] && w.Box.Right <= edges[i + 1]) != 1)
                    {
                        return null;
                    }
                }
            }
        }

        return bounds;
    }

    private static bool IsValueCell(IReadOnlyList<Glyph> inside) =>
        Lines(inside).SelectMany(l => GlyphWords.Build(l)).Any(w => TextRules.IsValue(w.Text));

    private static List<Glyph> Letters(RuledTable table, RuledCell c, IReadOnlyList<Glyph> letters)
    {
        var (left, right, top, bottom) = (table.Xs[c.Column], table.Xs[c.Column + c.ColumnSpan], table.Ys[c.Row], table.Ys[c.Row + c.RowSpan]);
        return [.. letters.Where(g => g.Box.CenterX >= left && g.Box.CenterX < right && g.Box.CenterY >= top && g.Box.CenterY < bottom)];
    }

    /// <summary>Letters grouped into lines (half an em apart vertically), each left to right.</summary>
    private static List<List<Glyph>> Lines(IReadOnlyList<Glyph> letters)
    {
        var lines = new List<List<Glyph>>();
        double center = 0;
        foreach (var g in letters.OrderBy(g => g.Box.CenterY))
        {
            if (lines.Count == 0 || g.Box.CenterY - center > 0.5 * Math.Max(1e-3, g.Size))
            {
                lines.Add([]);
            }

            lines[^1].Add(g);
            center = lines[^1].Average(x => x.Box.CenterY);
        }

        return [.. lines.Select(l => l.OrderBy(g => g.Box.Left).ToList())];
    }
}
