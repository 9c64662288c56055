namespace Disclosure.Layout;

/// <summary>One cell of a ruled table: its grid position (merged cells carry spans) and its box in pixels, rules included.</summary>
internal sealed record RuledCell(int Row, int Column, int RowSpan, int ColumnSpan, int Left, int Top, int Right, int Bottom);

/// <summary>A table drawn with rules: the x of its column rules, the y of its row rules, and its cells.</summary>
internal sealed record RuledTable(IReadOnlyList<double> Xs, IReadOnlyList<double> Ys, IReadOnlyList<RuledCell> Cells)
{
    public double Left => Xs[0];
    public double Top => Ys[0];
    public double Right => Xs[^1];
    public double Bottom => Ys[^1];
}

/// <summary>One rule: its position across (y of a horizontal rule, x of a vertical one) and its extent along.</summary>
internal sealed record RuleSegment(double Pos, double From, double To);

/// <summary>Thresholds of the grid stage, in the units of the rules (pixels for a raster, points for a PDF).</summary>
internal sealed record RuleGridOptions
{
    /// <summary>Rules whose positions differ by at most this are one grid line (double borders, a rule drawn per cell edge).</summary>
    public required double Tolerance { get; init; }

    /// <summary>An edge of a grid unit exists when one rule covers this share of it (a rule broken by a glyph still counts).</summary>
    public double CoverFraction { get; init; } = 0.6;

    /// <summary>Column rules that run this many tolerances past the last row rule mean an open edge (a page break), closed there.</summary>
    public double OpenEdgeTolerances { get; init; } = 3;

    /// <summary>
    /// An edge is covered by the union of the rules along it, not only by one rule: a scan's rule broken where a glyph
    /// printed over it (two pieces, neither 60% of the edge) is still the edge. Off for the vector path, whose rules are
    /// drawn whole.
    /// </summary>
    public bool CoverByUnion { get; init; }

    /// <summary>
    /// Also close open left and right sides: row rules running past the outer column rules (tables drawn without side
    /// borders, common in exported documents). Off for scans, whose page-wide decoration lines would add a column.
    /// </summary>
    public bool CloseOpenSides { get; init; }

    /// <summary>
    /// Rules on one line (positions within <see cref="Tolerance"/>) whose ends are at most this far apart are one rule
    /// before tables are formed: Chromium draws each cell's borders as its own short rectangles, so a row rule is a chain
    /// of per-cell pieces, and a piece that meets no column rule (over a merged label) would otherwise cut the table in
    /// two. 0 keeps the rules as drawn (scans, whose runs are already joined).
    /// </summary>
    public double JoinGap { get; init; }
}

/// <summary>
/// Stage "grid (rules)": ruled tables from rules already found (a PDF's drawn paths, a scan's raster runs). Rules that
/// cross form a table, and the grid between them gives the cells. A unit of the grid whose edge has no rule is merged
/// with its neighbour, which is how row and column spans are recovered. A column that is blank in every row is still a
/// column here, because its rules are drawn. Pure; shared by the text-layer lattice and the scan path.
/// </summary>
internal static class GridBuilder
{
    /// <summary>Ruled tables from rules already found (vector paths, raster runs), top to bottom.</summary>
    public static IReadOnlyList<RuledTable> Build(IReadOnlyList<RuleSegment> horizontal, IReadOnlyList<RuleSegment> vertical, RuleGridOptions options)
    {
        var tol = options.Tolerance;
        if (options.JoinGap > 0)
        {
            (horizontal, vertical) = (Join(horizontal, tol, options.JoinGap), Join(vertical, tol, options.JoinGap));
        }

        if (horizontal.Count < 2 || vertical.Count < 1)
        {
            return [];
        }

        // Rules that cross (within the tolerance) belong to one table.
        var parent = Enumerable.Range(0, horizontal.Count + vertical.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        for (var i = 0; i < horizontal.Count; i++)
        {
            var hs = horizontal[i];
            for (var j = 0; j < vertical.Count; j++)
            {
                var vs = vertical[j];
                if (vs.Pos >= hs.From - tol && vs.Pos <= hs.To + tol && hs.Pos >= vs.From - tol && hs.Pos <= vs.To + tol)
                {
                    parent[Find(i)] = Find(horizontal.Count + j);
                }
            }
        }

        var tables = new List<RuledTable>();
        foreach (var group in Enumerable.Range(0, parent.Length).GroupBy(Find))
        {
            var hs = group.Where(i => i < horizontal.Count).Select(i => horizontal[i]).ToList();
            var vs = group.Where(i => i >= horizontal.Count).Select(i => vertical[i - horizontal.Count]).ToList();
            // With open sides closed, one inner column rule is enough: the row rules running past it give the outer edges.
            if (hs.Count >= 2 && vs.Count >= (options.CloseOpenSides ? 1 : 2) && BuildTable(hs, vs, options) is { } table)
            {
                tables.Add(table);
            }
        }

        return [.. tables.OrderBy(t => t.Top)];
    }

    private static RuledTable? BuildTable(List<RuleSegment> hs, List<RuleSegment> vs, RuleGridOptions options)
    {
        var tol = options.Tolerance;
        var open = options.OpenEdgeTolerances * tol;
        var xs = Cluster(vs.Select(s => s.Pos), tol);
        var ys = Cluster(hs.Select(s => s.Pos), tol);
        if (options.CloseOpenSides)
        {
            var left = hs.Min(s => s.From);
            if (xs[0] - left > open)
            {
                vs.Add(new RuleSegment(left, ys[0], ys[^1]));
                xs.Insert(0, left);
            }

            var right = hs.Max(s => s.To);
            if (right - xs[^1] > open)
            {
                vs.Add(new RuleSegment(right, ys[0], ys[^1]));
                xs.Add(right);
            }
        }

        // A table cut by a page break has no rule on its open side; the column rules still end there, so that is its edge.
        var top = vs.Min(s => s.From);
        if (ys[0] - top > open)
        {
            hs.Add(new RuleSegment(top, xs[0], xs[^1]));
            ys.Insert(0, top);
        }

        var bottom = vs.Max(s => s.To);
        if (bottom - ys[^1] > open)
        {
            hs.Add(new RuleSegment(bottom, xs[0], xs[^1]));
            ys.Add(bottom);
        }

        var (nx, ny) = (xs.Count - 1, ys.Count - 1);
        if (nx < 1 || ny < 1)
        {
            return null;
        }

        // An edge between two units exists when a rule covers most of it.
        bool Covers(IEnumerable<RuleSegment> segs, double pos, double from, double to) => options.CoverByUnion
            ? CoveredLength(segs.Where(s => Math.Abs(s.Pos - pos) <= tol), from, to) >= options.CoverFraction * (to - from)
            : segs.Any(s => Math.Abs(s.Pos - pos) <= tol && Math.Min(s.To, to) - Math.Max(s.From, from) >= options.CoverFraction * (to - from));

        var parent = Enumerable.Range(0, nx * ny).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        for (var r = 0; r < ny; r++)
        {
            for (var c = 0; c < nx; c++)
            {
                if (c + 1 < nx && !Covers(vs, xs[c + 1], ys[r], ys[r + 1]))
                {
                    parent[Find(r * nx + c)] = Find(r * nx + c + 1);
                }

                if (r + 1 < ny && !Covers(hs, ys[r + 1], xs[c], xs[c + 1]))
                {
                    parent[Find(r * nx + c)] = Find((r + 1) * nx + c);
                }
            }
        }

        var cells = new List<RuledCell>();
        foreach (var g in Enumerable.Range(0, nx * ny).GroupBy(Find))
        {
            int r0 = g.Min(i => i / nx), r1 = g.Max(i => i / nx), c0 = g.Min(i => i % nx), c1 = g.Max(i => i % nx);
            cells.Add(new RuledCell(r0, c0, r1 - r0 + 1, c1 - c0 + 1,
                (int)Math.Round(xs[c0]), (int)Math.Round(ys[r0]), (int)Math.Round(xs[c1 + 1]), (int)Math.Round(ys[r1 + 1])));
        }

        cells.Sort((a, b) => a.Row != b.Row ? a.Row.CompareTo(b.Row) : a.Column.CompareTo(b.Column));
        return new RuledTable(xs, ys, cells);
    }

    /// <summary>
    /// Rules on one line joined where their ends meet or overlap (within <paramref name="gap"/>): per-cell border pieces
    /// become the shared edge. The line's position is the mean of its pieces (a double border of two side-by-side rules
    /// within <paramref name="tol"/> becomes one rule).
    /// </summary>
    internal static List<RuleSegment> Join(IReadOnlyList<RuleSegment> segs, double tol, double gap)
    {
        var result = new List<RuleSegment>();
        foreach (var line in Chains(segs, s => s.Pos, tol))
        {
            var pos = line.Average(s => s.Pos);
            double from = double.NaN, to = double.NaN;
            foreach (var s in line.OrderBy(s => s.From))
            {
                if (double.IsNaN(from) || s.From - to > gap)
                {
                    if (!double.IsNaN(from))
                    {
                        result.Add(new RuleSegment(pos, from, to));
                    }

                    (from, to) = (s.From, s.To);
                }
                else
                {
                    to = Math.Max(to, s.To);
                }
            }

            result.Add(new RuleSegment(pos, from, to));
        }

        return result;
    }

    /// <summary>Items in order of their position, grouped where consecutive positions are within <paramref name="tol"/>.</summary>
    private static List<List<T>> Chains<T>(IEnumerable<T> items, Func<T, double> position, double tol)
    {
        var result = new List<List<T>>();
        foreach (var item in items.OrderBy(position))
        {
            if (result.Count > 0 && position(item) - position(result[^1][^1]) <= tol)
            {
                result[^1].Add(item);
            }
            else
            {
                result.Add([item]);
            }
        }

        return result;
    }

    /// <summary>The length of [from, to] covered by the union of the segments.</summary>
    private static double CoveredLength(IEnumerable<RuleSegment> segs, double from, double to)
    {
        double covered = 0, reached = from;
        foreach (var s in segs.Where(s => s.To > from && s.From < to).OrderBy(s => s.From))
        {
            var start = Math.Max(s.From, reached);
            var end = Math.Min(s.To, to);
            if (end > start)
            {
                covered += end - start;
                reached = end;
            }
        }

        return covered;
    }

    private static List<double> Cluster(IEnumerable<double> positions, double tol) =>
        [.. Chains(positions, p => p, tol).Select(g => g.Average())];
}
