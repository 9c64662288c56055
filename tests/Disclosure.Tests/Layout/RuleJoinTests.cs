using Disclosure.Layout;

namespace Disclosure.Tests.Layout;

/// <summary>
/// The grid stage on rules drawn the way Chromium prints HTML tables: every cell draws its own border pieces, so a row
/// rule is a chain of short pieces and two adjacent cells' borders lie side by side. Geometry built in the test.
/// </summary>
public sealed class RuleJoinTests
{
    private static RuleGridOptions Vector(double joinGap) => new()
    {
        Tolerance = VectorTableOptions.Default.RuleTolerance,
        CloseOpenSides = true,
        JoinGap = joinGap,
    };

    [Fact]
    public void Pieces_on_one_line_that_meet_or_overlap_become_one_rule_and_a_real_gap_stays()
    {
        List<RuleSegment> pieces = [new(100.0, 0, 50), new(100.5, 49.5, 100), new(100.0, 101, 150), new(100.25, 160, 200), new(130, 0, 200)];

        var joined = GridBuilder.Join(pieces, tol: 2, gap: 2).OrderBy(s => s.Pos).ThenBy(s => s.From).ToList();

        Assert.Equal(3, joined.Count);
        Assert.Equal((0.0, 150.0), (joined[0].From, joined[0].To)); // touching, overlapping and a 1pt gap: one rule
        Assert.Equal((160.0, 200.0), (joined[1].From, joined[1].To)); // a 10pt gap is a missing rule, not a seam
        Assert.Equal(100.1875, joined[0].Pos, 4); // one line, at the mean of its pieces
        Assert.Equal(130.0, joined[2].Pos);
    }

    /// <summary>
    /// Table 3's label block as Chromium printed it on the first page of tests/corpus/seed-000.pdf: the labels span the
    /// columns left of x=100 in every row, so no column rule is drawn at 100 on this page, yet each row rule is still cut
    /// there into per-cell pieces. The pieces between 50 and 100 meet no column rule; unjoined, the table fell apart into
    /// a label table and a value table side by side (measured: chromium-pdf 54% exact through the lattice).
    /// </summary>
    [Fact]
    public void Per_cell_row_rule_pieces_over_merged_labels_keep_one_table()
    {
        double[] ys = [0, 20, 40, 60];
        double[] cuts = [0, 50, 100, 200, 300];
        var h = ys.SelectMany(y => cuts.Zip(cuts.Skip(1), (a, b) => new RuleSegment(y, a, b))).ToList();
        var v = new List<RuleSegment>();
        foreach (var x in new double[] { 0, 200, 300 })
        {
            v.AddRange(ys.Zip(ys.Skip(1), (a, b) => new RuleSegment(x, a, b)));
        }

        v.Add(new RuleSegment(50, 40, 60)); // only the last row splits its label in two

        Assert.Equal(2, GridBuilder.Build(h, v, Vector(0)).Count);

        var table = Assert.Single(GridBuilder.Build(h, v, Vector(VectorTableOptions.Default.RuleJoinGap)));
        Assert.Equal([0.0, 50, 200, 300], table.Xs);
        Assert.Equal([0.0, 20, 40, 60], table.Ys);
        Assert.Contains(table.Cells, c => c is { Row: 0, Column: 0, ColumnSpan: 2, RowSpan: 1 });
        Assert.Equal(3, table.Cells.Count(c => c.Row == 2));
    }

    /// <summary>Adjacent cells' borders drawn side by side (0.75pt apart, a pixel at 96 dpi) are one grid line, not a sliver column or row.</summary>
    [Fact]
    public void A_double_border_is_one_grid_line()
    {
        double[] xs = [0, 100, 150, 200];
        double[] ys = [0, 20, 40];
        var h = new List<RuleSegment>();
        var v = new List<RuleSegment>();
        for (var i = 0; i + 1 < xs.Length; i++)
        {
            for (var j = 0; j + 1 < ys.Length; j++)
            {
                // Each cell draws its own four borders, inset by 0.75 on the sides it shares with a neighbour.
                double left = xs[i] + (i > 0 ? 0.75 : 0), top = ys[j] + (j > 0 ? 0.75 : 0);
                h.Add(new RuleSegment(top, left, xs[i + 1]));
                h.Add(new RuleSegment(ys[j + 1], left, xs[i + 1]));
                v.Add(new RuleSegment(left, top, ys[j + 1]));
                v.Add(new RuleSegment(xs[i + 1], top, ys[j + 1]));
            }
        }

        var table = Assert.Single(GridBuilder.Build(h, v, Vector(VectorTableOptions.Default.RuleJoinGap)));

        Assert.Equal(3, table.Xs.Count - 1);
        Assert.Equal(2, table.Ys.Count - 1);
        Assert.Equal(6, table.Cells.Count);
        Assert.All(table.Cells, c => Assert.Equal((1, 1), (c.RowSpan, c.ColumnSpan)));
    }
}
