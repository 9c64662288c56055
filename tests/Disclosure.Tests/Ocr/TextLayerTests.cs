using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Disclosure.Corpus;
using Disclosure.Layout;
using Disclosure.Ocr.Raster;
using Disclosure.Ocr.TextLayer;
using Disclosure.Testing;
using Disclosure.Tests.Support;

namespace Disclosure.Tests.Ocr;

/// <summary>
/// The text-layer path: letters → words, vector rules → the shared grid stage, cells from the letters inside them, parts
/// joined across pages; and LibreOffice exports of the official template read end to end against their golden cells.
/// </summary>
public sealed class TextLayerTests
{
    private const double Em = 10;

    private static string PdfFixtures => Path.Combine(RepoPaths.Root, "tests", "Disclosure.Tests", "Fixtures", "pdf");

    /// <summary>Letters of <paramref name="text"/> one em apart from (x, baseline y); spaces are whitespace letters.</summary>
    private static IEnumerable<Glyph> Letters(string text, double x, double y) =>
        text.Select((c, i) => new Glyph(c.ToString(), new BoundingBox(x + i * Em, y - Em, x + (i + 1) * Em, y), Em));

    /// <summary>A ruled grid: a horizontal rule at each y and a vertical rule at each x, drawn once per cell edge.</summary>
    private static (List<RuleSegment> H, List<RuleSegment> V) Grid(double[] xs, double[] ys)
    {
        var h = new List<RuleSegment>();
        var v = new List<RuleSegment>();
        foreach (var y in ys)
        {
            h.AddRange(xs.Zip(xs.Skip(1), (a, b) => new RuleSegment(y, a, b)));
        }

        foreach (var x in xs)
        {
            v.AddRange(ys.Zip(ys.Skip(1), (a, b) => new RuleSegment(x, a, b)));
        }

        return (h, v);
    }

    [Fact]
    public void Adjacent_letters_are_one_word_and_gaps_spaces_and_fake_bold_split_or_vanish()
    {
        var letters = Letters("规章", 60, 100)
            .Append(new Glyph("章", new BoundingBox(70.5, 90, 80.5, 100), Em)) // drawn twice, offset: fake bold
            .Concat(Letters("19", 233, 100)).Concat(Letters("1 8", 359, 100));

        var words = GlyphWords.Build(letters);

        Assert.Equal(["规章", "19", "1", "8"], words.Select(w => w.Text));
        Assert.Equal(233, words[1].Box.Left);
    }

    [Fact]
    public void Rules_drawn_once_per_cell_edge_give_the_grid_and_a_missing_segment_gives_a_span()
    {
        var (h, v) = Grid([0, 100, 150, 200], [0, 20, 40]);
        v.RemoveAll(s => s.Pos == 150 && s.From == 0); // header cell over the two value columns

        var table = Assert.Single(GridBuilder.Build(h, v, new RuleGridOptions { Tolerance = 2 }));

        Assert.Equal(3, table.Xs.Count - 1);
        Assert.Contains(table.Cells, c => c is { Row: 0, Column: 1, ColumnSpan: 2 });
        Assert.Equal(3, table.Cells.Count(c => c.Row == 1));
    }

    [Fact]
    public void A_table_without_side_borders_is_closed_by_its_row_rules_and_one_inner_rule_is_enough()
    {
        List<RuleSegment> h = [new(0, 0, 200), new(20, 0, 200), new(40, 0, 200)];
        List<RuleSegment> v = [new(100, 0, 40)];

        Assert.Empty(GridBuilder.Build(h, v, new RuleGridOptions { Tolerance = 2 }));
        var table = Assert.Single(GridBuilder.Build(h, v, new RuleGridOptions { Tolerance = 2, CloseOpenSides = true }));
        Assert.Equal([0.0, 100, 200], table.Xs);
        Assert.Equal(4, table.Cells.Count);
    }

    [Fact]
    public void A_cell_holds_every_letter_inside_it_and_wrapped_cjk_lines_join_without_a_space()
    {
        var (h, v) = Grid([50, 100, 200], [100, 140, 160]);
        var letters = Letters("行政", 55, 115).Concat(Letters("许可", 55, 128)).Concat(Letters("件数", 120, 115))
            .Concat(Letters("12", 120, 155)).Concat(Letters("规章", 55, 155)).Concat(Letters("正文", 50, 300)).ToList();
        var page = new TextLayerPage(1, 595, 842, letters) { Horizontal = h, Vertical = v };

        var read = VectorTables.Read(page);

        var grid = Assert.Single(read.Grids);
        Assert.Equal(["行政许可", "件数", "规章", "12"], grid.Cells.Select(c => c.Text));
        Assert.True(grid.Cells[0].IsHeader);
        Assert.False(grid.Cells[3].IsHeader);
        Assert.Equal(["正文"], read.Words.Words.Select(w => w.Text));
    }

    [Fact]
    public void A_letter_without_unicode_makes_its_cell_doubtful()
    {
        var (h, v) = Grid([50, 100, 200], [100, 120]);
        var page = new TextLayerPage(1, 595, 842, [.. Letters("规章", 55, 115), .. Letters("12", 120, 115)])
        {
            Horizontal = h,
            Vertical = v,
            UnmappedBoxes = [new BoundingBox(140, 105, 150, 115)],
        };

        var grid = Assert.Single(VectorTables.Read(page).Grids);

        Assert.Null(grid.Cells[0].Confidence);
        Assert.Equal(VectorTableOptions.Default.UnmappedConfidence, grid.Cells[1].Confidence);
    }

    [Fact]
    public void A_grid_that_glues_two_numbers_together_misses_a_rule_and_is_left_to_geometry()
    {
        var (h, v) = Grid([50, 100, 250], [100, 120]);
        var page = new TextLayerPage(1, 595, 842, [.. Letters("规章", 55, 115), .. Letters("12", 120, 115), .. Letters("7", 200, 115)])
        {
            Horizontal = h,
            Vertical = v,
        };

        var read = VectorTables.Read(page);

        Assert.Empty(read.Grids);
        Assert.Equal(["规章", "12", "7"], read.Words.Words.Select(w => w.Text));
    }

    [Fact]
    public void A_row_cut_by_the_page_break_is_one_row_with_its_label_joined()
    {
        double[] xs = [50, 100, 200];
        GridPart Part(int page, params LayoutCell[] cells) => new(page, xs, new BoundingBox(50, 100, 200, 200), GridTables.MarkHeaders(cells));
        var first = Part(1, new LayoutCell(0, 0, "信息内容", Page: 1), new LayoutCell(0, 1, "本年处理决定数量", Page: 1),
            new LayoutCell(1, 0, "行政", Page: 1), new LayoutCell(1, 1, "0", Page: 1));
        var second = Part(2, new LayoutCell(0, 0, "许可", Page: 2), new LayoutCell(0, 1, "", Page: 2),
            new LayoutCell(1, 0, "行政处罚", Page: 2), new LayoutCell(1, 1, "14", Page: 2));

        var joined = GridTables.Join(first, second)!;

        Assert.Equal(["信息内容", "本年处理决定数量", "行政许可", "0", "行政处罚", "14"], joined.Cells.Select(c => c.Text));
        Assert.Equal(3, joined.Cells.Max(c => c.Row) + 1);
    }

    [Fact]
    public void A_repeated_header_row_on_the_next_page_is_not_taken_for_a_cut_row()
    {
        double[] xs = [50, 100, 200];
        GridPart Part(int page, params LayoutCell[] cells) => new(page, xs, new BoundingBox(50, 100, 200, 200), GridTables.MarkHeaders(cells));
        var first = Part(1, new LayoutCell(0, 0, "信息内容"), new LayoutCell(0, 1, "本年处理决定数量"), new LayoutCell(1, 0, "行政许可"), new LayoutCell(1, 1, "0"));
        var second = Part(2, new LayoutCell(0, 0, "信息内容"), new LayoutCell(0, 1, "本年处理决定数量"), new LayoutCell(1, 0, "行政处罚"), new LayoutCell(1, 1, "14"));

        var joined = GridTables.Join(first, second)!;

        Assert.Equal(4, joined.Cells.Max(c => c.Row) + 1);
        Assert.Contains(joined.Cells, c => c.Text == "行政许可");
    }

    [Fact]
    public void A_pdf_with_control_characters_in_its_title_is_read_and_its_rules_are_found()
    {
        var layer = PdfPigTextLayer.Read(File.ReadAllBytes(Path.Combine(PdfFixtures, "lo-21-004.pdf")), new ReadLimits());

        Assert.Null(layer.FailureCode);
        Assert.All(layer.Pages, p => Assert.NotNull(p));
        Assert.DoesNotContain(layer.Pages.SelectMany(p => p!.Letters), g => g.Text.Any(char.IsControl));
        Assert.Contains(layer.Pages, p => p!.Horizontal.Count > 10 && p.Vertical.Count > 5);
    }

    [Fact]
    public void Borders_drawn_as_thin_filled_rectangles_are_rules_too()
    {
        var layer = PdfPigTextLayer.Read(File.ReadAllBytes(Path.Combine(PdfFixtures, "lo-21-007-err.pdf")), new ReadLimits());

        var page = layer.Pages.First(p => p!.Vertical.Count > 0)!;
        Assert.NotEmpty(VectorTables.Read(page).Grids);
    }

    /// <summary>A border frame filled between two rectangles (`re re f*`) is four rules; a filled area or a thick frame is none.</summary>
    [Theory]
    [InlineData("0 0 0 rg 100 700 200 50 re 100.5 700.5 199 49 re f*", 2, 2, 0, 0.5)]  // a 0.5 pt frame
    [InlineData("0 0 0 rg 100 700 200 50 re 101 701 198 48 re f", 2, 2, 0, 1.0)]       // a 1 pt frame, non-zero winding
    [InlineData("0.8 0.8 0.8 rg 100 700 200 50 re f", 0, 0, 1, 0)]                     // cell shading
    [InlineData("0 0 0 rg 100 700 200 50 re 105 705 190 40 re f*", 0, 0, 2, 0)]        // a 5 pt frame: artwork, not a rule
    [InlineData("0 0 0 rg 100 700 200 0.5 re f", 1, 0, 0, 0)]                          // a thin filled rectangle (unchanged)
    public void Border_frames_filled_between_two_rectangles_are_rules(string content, int horizontal, int vertical, int shapes, double band)
    {
        var page = PdfPigTextLayer.Read(PdfBuilder.Drawn(content), new ReadLimits()).Pages.Single()!;

        Assert.Equal(horizontal, page.Horizontal.Count);
        Assert.Equal(vertical, page.Vertical.Count);
        Assert.Equal(shapes, page.FilledShapes);
        if (horizontal == 2)
        {
            // Each rule runs through the middle of its band (layout space: y down from the top of the 842 pt page).
            Assert.Equal([92 + band / 2, 142 - band / 2], page.Horizontal.Select(r => Math.Round(r.Pos, 2)).Order());
            Assert.Equal([100 + band / 2, 300 - band / 2], page.Vertical.Select(r => Math.Round(r.Pos, 2)).Order());
        }
    }

    /// <summary>Which text-layer pages are OCR'd: few letters and ink that letters do not explain (cases as data).</summary>
    [Theory]
    [InlineData(19, 0.0, 0, false)]    // the signature and date that end a report: nothing for OCR to read
    [InlineData(0, 0.0, 0, false)]     // a blank page
    [InlineData(19, 0.03, 40, false)]  // with a seal image or a vector logo
    [InlineData(0, 1.0, 0, true)]      // a scanned page: one image over the page
    [InlineData(5, 0.45, 0, true)]     // a scan with a few letters stamped on it
    [InlineData(0, 0.0, 900, true)]    // text turned into outlines
    [InlineData(20, 1.0, 900, false)]  // enough letters: the text layer is read
    public void A_page_is_ocrd_only_when_it_has_few_letters_and_ink_they_do_not_explain(int chars, double imageCover, int shapes, bool ocr)
    {
        var page = new TextLayerPage(1, 595, 842, [.. Letters(new string('字', chars), 60, 100)]) { ImageCover = imageCover, FilledShapes = shapes };

        var scanned = TextLayerPages.WithoutText(new PdfTextLayer(2, [page, null], []), minChars: 20);

        Assert.Equal(ocr ? [1, 2] : [2], scanned); // page 2 could not be parsed: always OCR'd
    }

    [Fact]
    public async Task A_report_whose_last_page_holds_only_the_signature_and_date_is_read_from_its_text_layer()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests", "corpus", "libreoffice", "lo-21-007-err.pdf"));
        var layer = PdfPigTextLayer.Read(bytes, new ReadLimits());
        Assert.True(layer.Pages[^1]!.Letters.Count(g => !string.IsNullOrWhiteSpace(g.Text)) < 20, "fixture: a short last page");
        var scans = new RecordingReader();

        var outcome = await new TextLayerPdfReader(scans, new ReadLimits()).ReadAsync(bytes, CancellationToken.None);

        Assert.Equal(0, scans.Calls);
        Assert.False(outcome.Document!.Ocr);
    }

    private sealed class RecordingReader : IDocumentReader
    {
        public int Calls;

        public SourceFormat Format => SourceFormat.Pdf;

        public ValueTask<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
        {
            Calls++;
            return ValueTask.FromResult(ReadOutcome.Fail(FailureCodes.EngineError, "not expected"));
        }
    }

    /// <summary>
    /// The official template filled and exported by LibreOffice Writer (narrow labels, one-character headers, '/' cells,
    /// a row cut by a page break, a control-character title, borders as rectangles, a table without borders): every cell
    /// as the golden file beside the PDF says, no wrong cell unflagged, the planted error found, no alarm otherwise.
    /// </summary>
    [Theory]
    [InlineData("lo-21-002")]
    [InlineData("lo-21-003-err")]
    [InlineData("lo-21-004")]
    [InlineData("lo-21-006")]
    [InlineData("lo-21-007-err")]
    public async Task A_libreoffice_export_reads_every_cell_of_its_golden_file(string name)
    {
        var limits = new ReadLimits();
        var readers = Accuracy.Readers(limits).GroupBy(r => r.Format).ToDictionary(g => g.Key, g => g.Last());

        var (score, entry) = await Accuracy.ScoreAsync(Path.Combine(PdfFixtures, name + ".expected.json"), "pdf",
            Path.Combine(PdfFixtures, name + ".pdf"), readers, new ReportEngine(readers.Values, limits));

        var detail = entry.ToJsonString();
        Assert.Equal(0, score.Failed);
        Assert.Equal(0, score.WrongGuessed);
        Assert.True(score.Exact == score.Cells, $"{score.Exact}/{score.Cells} exact: {detail}");
        Assert.Equal(0, score.Fn);
        Assert.Equal(0, score.UnexplainedAlarms);
    }

    /// <summary>
    /// The Chromium prints of tests/corpus with their producer removed (the /Producer key renamed, its value blanked, byte
    /// length kept so the cross-reference table stays valid): the reader decides nothing from metadata, so they still
    /// read exactly, every cell, through the lattice (the grid stage joins Chromium's per-cell border pieces).
    /// </summary>
    [Fact]
    public async Task A_Chromium_print_without_its_producer_still_reads_exactly()
    {
        var limits = new ReadLimits();
        var readers = Accuracy.Readers(limits).GroupBy(r => r.Format).ToDictionary(g => g.Key, g => g.Last());
        var engine = new ReportEngine(readers.Values, limits);
        var dir = Directory.CreateTempSubdirectory("no-producer-");
        try
        {
            var total = new Accuracy.Tally();
            var details = new List<string>();
            foreach (var expected in Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "corpus"), "*.expected.json").Order())
            {
                var bytes = File.ReadAllBytes(expected[..^".expected.json".Length] + ".pdf");
                var text = System.Text.Encoding.Latin1.GetString(bytes);
                Assert.Contains("/Producer (Skia/PDF", text, StringComparison.Ordinal);
                var stripped = System.Text.RegularExpressions.Regex.Replace(text, @"/Producer \(([^)]*)\)", m => "/Xroducer (" + new string(' ', m.Groups[1].Length) + ")");
                Assert.DoesNotContain("Skia/PDF", stripped, StringComparison.Ordinal);
                var path = Path.Combine(dir.FullName, Path.GetFileName(expected)[..^".expected.json".Length] + ".pdf");
                File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes(stripped));
                Assert.Equal(bytes.Length, new FileInfo(path).Length);

                var (score, entry) = await Accuracy.ScoreAsync(expected, "pdf", path, readers, engine);
                Accuracy.Add(total, score);
                details.Add(entry.ToJsonString());
            }

            var detail = string.Join("\n", details);
            Assert.True(total.Docs >= 7, detail);
            Assert.True(total.Cells == total.Exact, $"{total.Exact}/{total.Cells} exact: {detail}");
            Assert.Equal(0, total.WrongGuessed);
            Assert.Equal(0, total.ConsistentAlarmed);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
