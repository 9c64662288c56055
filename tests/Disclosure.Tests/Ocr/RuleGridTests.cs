using Disclosure.Ocr.Raster;

namespace Disclosure.Tests.Ocr;

/// <summary>Ruled tables found in a raster: cells and spans from the rules drawn, skew removed first. Synthetic pages, no OCR.</summary>
public sealed class RuleGridTests
{
    private const int Dpi = 300;

    /// <summary>A white page with 3-pixel rules drawn on it.</summary>
    private sealed class Page(int width = 1600, int height = 1000)
    {
        public byte[] Pixels { get; } = Enumerable.Repeat((byte)245, width * height).ToArray();

        public Page H(int y, int x0, int x1) => Fill(x0, y - 1, x1, y + 2);

        public Page V(int x, int y0, int y1) => Fill(x - 1, y0, x + 2, y1);

        public Page Fill(int x0, int y0, int x1, int y1, byte ink = 20)
        {
            for (var y = y0; y < y1; y++)
            {
                for (var x = x0; x < x1; x++)
                {
                    Pixels[y * width + x] = ink;
                }
            }

            return this;
        }

        public GrayImage Image => new(width, height, (byte[])Pixels.Clone());
    }

    // Columns at 100, 500, 800, 1100, 1400; rows at 100, 200, 300, 400. Row 0: a label over columns 1-3 (no rules
    // between them); column 0: one label over rows 1-2 (no rule between them); column 3 holds nothing at all.
    private static Page Table(bool top = true)
    {
        var page = new Page();
        int[] xs = [100, 500, 800, 1100, 1400];
        if (top)
        {
            page.H(100, 100, 1400);
        }

        page.H(200, 100, 1400).H(300, 500, 1400).H(400, 100, 1400);
        page.V(100, 100, 400).V(500, 100, 400).V(1400, 100, 400);
        page.V(800, 200, 400).V(1100, 200, 400);
        page.Fill(150, 240, 190, 260); // a little ink in a cell, to show ink does not make rules
        return page;
    }

    [Fact]
    public void Spans_come_from_missing_rules_and_a_blank_column_is_still_a_column()
    {
        var table = Assert.Single(RuleGrid.Detect(Table().Image, Dpi));

        var cells = table.Cells.Select(c => (c.Row, c.Column, c.RowSpan, c.ColumnSpan)).ToList();
        Assert.Equal(
            [(0, 0, 1, 1), (0, 1, 1, 3), (1, 0, 2, 1), (1, 1, 1, 1), (1, 2, 1, 1), (1, 3, 1, 1), (2, 1, 1, 1), (2, 2, 1, 1), (2, 3, 1, 1)],
            cells);
        Assert.Equal([100, 500, 800, 1100, 1400], table.Xs.Select(x => (int)Math.Round(x)));
    }

    [Fact]
    public void A_table_cut_by_a_page_break_keeps_its_open_first_row()
    {
        var table = Assert.Single(RuleGrid.Detect(Table(top: false).Image, Dpi));

        Assert.Equal(3, table.Cells.Max(c => c.Row + c.RowSpan));
        Assert.InRange(table.Top, 97, 103);
    }

    [Fact]
    public void Strokes_shorter_than_a_rule_make_no_table()
    {
        var page = new Page();
        for (var i = 0; i < 10; i++)
        {
            page.Fill(100 + i * 60, 100, 140 + i * 60, 103).Fill(120 + i * 60, 80, 123 + i * 60, 125);
        }

        Assert.Empty(RuleGrid.Detect(page.Image, Dpi));
    }

    [Fact]
    public void The_crossing_strokes_of_a_large_bold_title_make_no_table()
    {
        // Two title characters at about 22 pt bold, 300 dpi: strokes of 80-90 px, long enough to pass as rules, crossing
        // into a two-cell "grid" under half an inch wide.
        var page = new Page();
        foreach (var x in new[] { 200, 300 })
        {
            page.H(100, x, x + 90).H(180, x, x + 90).V(x, 100, 180).V(x + 45, 100, 180).V(x + 90, 100, 180);
        }

        Assert.Empty(RuleGrid.Detect(page.Image, Dpi));
        Assert.Single(RuleGrid.Detect(Table().Image, Dpi));
    }

    [Fact]
    public void Thin_rules_printed_light_grey_are_rules_but_a_grey_shaded_row_is_not()
    {
        // A 200 dpi scan's thin inner rules, blurred and resampled to 300 dpi, print 140-175 grey (lo-21-001-err p4): a
        // plain threshold of 150 broke them into dashes, so table 4 lost most of its columns. A section row across the
        // table is shaded 190 grey (lo-21-005-err's table 1), which must stay paper: its edges are no rules.
        var page = new Page();
        page.H(100, 100, 1400).H(200, 100, 1400).H(400, 100, 1400).V(100, 100, 400).V(1400, 100, 400);
        page.Fill(103, 103, 1398, 198, ink: 190);
        foreach (var x in new[] { 500, 800, 1100 })
        {
            page.Fill(x - 1, 200, x + 1, 400, ink: 165);
        }

        page.Fill(100, 299, 1400, 301, ink: 170);

        var table = Assert.Single(RuleGrid.Detect(page.Image, Dpi));
        Assert.Equal([100, 500, 800, 1100, 1400], table.Xs.Select(x => (int)Math.Round(x)));
        Assert.Equal([100, 200, 300, 400], table.Ys.Select(y => (int)Math.Round(y)));
        Assert.Equal(9, table.Cells.Count);
        Assert.Contains(table.Cells, c => (c.Row, c.Column, c.ColumnSpan) == (0, 0, 4));
    }

    [Fact]
    public void A_light_double_rule_is_one_rule()
    {
        // lo-45-007-err at 200 dpi: a table drawn with rectangles prints a double rule under its header, two 160-grey
        // lines with 200 grey between them. Each line had the other one where paper was looked for, so neither was a rule
        // and the header swallowed the first row.
        var page = new Page();
        page.H(100, 100, 1400).H(400, 100, 1400).V(100, 100, 400).V(500, 100, 400).V(1400, 100, 400);
        page.Fill(100, 197, 1400, 199, ink: 162).Fill(100, 199, 1400, 201, ink: 200).Fill(100, 201, 1400, 203, ink: 160);

        var table = Assert.Single(RuleGrid.Detect(page.Image, Dpi));
        Assert.Equal([100, 200, 400], table.Ys.Select(y => (int)Math.Round(y)));
        Assert.Equal(4, table.Cells.Count);
    }

    [Fact]
    public void A_glyph_stroke_across_a_row_rule_is_no_column_and_does_not_break_the_rule()
    {
        // lo-21-004 p6 at 200 dpi: 持 and 结 printed over table 4's row rule. Their strokes crossing it are long enough to
        // pass as rules (a 16th column), and the rule, broken where they cross, covered its edge only in two pieces.
        var page = Table();
        page.Fill(250, 180, 253, 235); // a vertical stroke crossing the rule at y = 200, inside column 0
        page.Fill(900, 196, 960, 205, ink: 255).Fill(925, 175, 935, 225); // the rule broken over a glyph in column 2

        var table = Assert.Single(RuleGrid.Detect(page.Image, Dpi));
        Assert.Equal([100, 500, 800, 1100, 1400], table.Xs.Select(x => (int)Math.Round(x)));
        Assert.Contains(table.Cells, c => (c.Row, c.Column, c.RowSpan) == (1, 2, 1));
        Assert.Contains(table.Cells, c => (c.Row, c.Column, c.RowSpan) == (0, 1, 1));
    }

    [Theory]
    [InlineData(1.2)]
    [InlineData(-0.7)]
    public void A_skewed_page_is_measured_and_straightened(double degrees)
    {
        var skewed = Deskew.Straighten(Table().Image, -degrees);
        Assert.DoesNotContain(RuleGrid.Detect(skewed, Dpi), t => t.Cells.Count == 9);

        var angle = Deskew.EstimateAngle(skewed);
        Assert.InRange(angle, degrees - 0.05, degrees + 0.05);
        var table = Assert.Single(RuleGrid.Detect(Deskew.Straighten(skewed, angle), Dpi));
        Assert.Equal(9, table.Cells.Count);
    }
}
