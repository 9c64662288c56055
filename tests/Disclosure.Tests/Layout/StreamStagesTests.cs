using Disclosure.Core.Layout;
using Disclosure.Layout;
using Disclosure.Layout.Stream;

namespace Disclosure.Tests.Layout;

/// <summary>Each stream stage on its own, on geometry built here (10-point words, CJK one em per character).</summary>
public sealed class StreamStagesTests
{
    private const double Em = 10;

    private static double Width(string text) => text.Sum(c => c >= 0x2E80 ? Em : Em * 0.55);

    private static PositionedWord Word(double x, double y, string text) => new(text, new BoundingBox(x, y, x + Width(text), y + Em));

    private static IEnumerable<PositionedWord> Row(double y, params (double X, string Text)[] words) => words.Select(w => Word(w.X, y, w.Text));

    private static PageLines Lines(int page, params IEnumerable<PositionedWord>[] rows) =>
        LineStage.Build(new PageWords(page, 595, 842, [.. rows.SelectMany(r => r)]), LineOptions.Default);

    [Fact]
    public void Words_stage_trims_border_remnants_and_repairs_digits_in_ocr_words_only()
    {
        PositionedWord[] words = [Word(60, 100, "|1O"), Word(100, 100, "规章】")];

        var ocr = WordStage.Clean(new PageWords(1, 595, 842, words) { Ocr = true }, WordOptions.Default);
        var text = WordStage.Clean(new PageWords(1, 595, 842, words), WordOptions.Default);

        Assert.Equal(["10", "规章"], ocr.Words.Select(w => w.Text));
        Assert.Equal(["|1O", "规章】"], text.Words.Select(w => w.Text));
    }

    /// <summary>
    /// A lone digit-like letter among a row's values is read as the digit and flagged (confidence 0.5); beside a label
    /// or with a single value next to it, it stays a letter. Line "label o 5 6" → repaired; "o 5" → not; "o 规章 5 6" → not.
    /// </summary>
    [Theory]
    [InlineData("0 1 8 o 0 2", "0 1 8 0 0 2", 3)]
    [InlineData("其他 o 5 6", "其他 0 5 6", 1)]
    [InlineData("l 5 6", "1 5 6", 0)]
    [InlineData("其他 o 5", "其他 o 5", -1)]
    [InlineData("o 规章 5 6", "o 规章 5 6", -1)]
    [InlineData("0 1 O 规章", "0 1 0 规章", 2)]
    public void Words_stage_reads_a_lone_letter_among_values_as_a_flagged_digit(string line, string expected, int repaired)
    {
        var texts = line.Split(' ');
        var words = texts.Select((t, i) => Word(60 + 40 * i, 100, t) with { Confidence = 0.97 }).ToArray();

        var clean = WordStage.Clean(new PageWords(1, 595, 842, words) { Ocr = true }, WordOptions.Default);

        Assert.Equal(expected, string.Join(" ", clean.Words.Select(w => w.Text)));
        Assert.Equal(repaired, clean.Words.ToList().FindIndex(w => w.Confidence == WordOptions.Default.RepairedLetterConfidence));
    }

    [Fact]
    public void Words_stage_shrinks_tall_cjk_boxes_to_their_em()
    {
        // Five CJK words, each 10 wide per character but 30 high (a font's ascent and descent).
        var words = Enumerable.Range(0, 5).Select(i => new PositionedWord("政府", new BoundingBox(60, 100 + 40 * i, 80, 130 + 40 * i))).ToList();

        var clean = WordStage.Clean(new PageWords(1, 595, 842, words), WordOptions.Default);

        Assert.All(clean.Words, w => Assert.Equal(10, w.Box.Height, 3));
        Assert.Equal(115, clean.Words[0].Box.CenterY, 3);
    }

    [Fact]
    public void Lines_stage_cuts_segments_at_cell_gaps_and_keeps_close_numbers_apart()
    {
        var page = Lines(1, Row(100, (60, "行政许可"), (200, "12"), (215, "7")), Row(130, (60, "本年度，本机关认真贯彻落实")));

        Assert.Equal(2, page.Lines.Count);
        Assert.Equal(["行政许可", "12", "7"], page.Lines[0].Segments.Select(s => s.Text));
        Assert.True(page.Lines[0].IsData);
        Assert.False(page.Lines[1].IsData);
    }

    [Fact]
    public void Decorations_stage_drops_page_numbers_and_margin_text_repeated_on_pages()
    {
        var first = Lines(1, Row(20, (60, "某某区人民政府")), Row(100, (60, "正文第一页")), Row(800, (290, "- 1 -")));
        var second = Lines(2, Row(20, (60, "某某区人民政府")), Row(100, (60, "正文第二页")), Row(800, (290, "- 2 -")));
        var alone = Lines(1, Row(20, (60, "某某区人民政府")), Row(100, (60, "正文")));

        var clean = DecorationStage.Remove([first, second], DecorationOptions.Default);
        var single = DecorationStage.Remove([alone], DecorationOptions.Default);

        Assert.Equal(["正文第一页"], clean[0].Lines.Select(l => l.Text));
        Assert.Equal(["正文第二页"], clean[1].Lines.Select(l => l.Text));
        Assert.Equal(2, single[0].Lines.Count); // on one page nothing repeats: a title in the top margin stays
    }

    [Fact]
    public void Regions_stage_takes_data_lines_with_their_header_and_leaves_sentences_out()
    {
        var page = Lines(1,
            Row(100, (60, "本机关全年收到申请，均按时答复。")),
            Row(120, (60, "信息内容"), (300, "本年新制作")),
            Row(135, (60, "规章"), (310, "5")),
            Row(150, (60, "规范性文件"), (310, "7")));

        var regions = RegionStage.Find(page, RegionOptions.Default);

        var table = Assert.Single(regions.Tables);
        Assert.Equal(["信息内容 本年新制作", "规章 5", "规范性文件 7"], table.Lines.Select(l => l.Text));
        Assert.Equal(["本机关全年收到申请，均按时答复。"], regions.Rest.Select(l => l.Text));
    }

    [Fact]
    public void Page_join_stage_stacks_a_table_continued_on_the_next_page_under_the_first_part()
    {
        var first = RegionStage.Find(Lines(1, Row(700, (60, "规章"), (310, "5"))), RegionOptions.Default);
        var second = RegionStage.Find(Lines(2, Row(60, (60, "规范性文件"), (310, "7"))), RegionOptions.Default);

        var items = PageJoinStage.Join([[new PageItem(null, first.Tables[0])], [new PageItem(null, second.Tables[0])]], PageJoinOptions.Default);

        var region = Assert.Single(items).Table!;
        Assert.Equal([1, 2], region.Pages.Select(p => p.Page));
        Assert.Equal(710 + 2 * Em, region.Lines[1].Box.Top, 3);
        Assert.Equal(710 + 2 * Em, region.Lines[1].Segments[1].Words[0].Box.Top, 3);
    }

    [Fact]
    public void Grid_stage_takes_columns_from_value_extents_and_a_blank_column_from_its_header()
    {
        var page = Lines(1,
            Row(120, (60, "信息内容"), (280, "制发"), (320, "废止"), (360, "有效"), (400, "总计")),
            Row(135, (60, "规章"), (285, "5"), (365, "9"), (405, "14")),
            Row(150, (60, "规范性文件"), (285, "7"), (365, "1"), (405, "8")));
        var region = Assert.Single(RegionStage.Find(page, RegionOptions.Default).Tables);

        var grid = GeometryGridStage.Build(region, GeometryGridOptions.Default)!;

        Assert.Equal(4, grid.ValueColumns.Count); // 废止 has no value in any row: its header gives the column
        Assert.Equal(320, grid.ValueColumns[1].Left, 3);
        Assert.Single(grid.LabelStarts);
    }

    [Fact]
    public void Cells_stage_places_values_by_geometry_joins_wrapped_labels_and_keeps_blanks_empty()
    {
        var page = Lines(1,
            Row(120, (60, "信息内容"), (280, "制发"), (320, "废止"), (360, "有效"), (400, "总计")),
            Row(135, (60, "规范性"), (285, "7"), (365, "1"), (405, "8")),
            Row(146, (60, "文件")));
        var region = Assert.Single(RegionStage.Find(page, RegionOptions.Default).Tables);

        var table = GeometryCellStage.Build(GeometryGridStage.Build(region, GeometryGridOptions.Default)!, GeometryCellOptions.Default)!;

        var row = table.Cells.Where(c => c.Row == 1).OrderBy(c => c.Column).Select(c => c.Text).ToList();
        Assert.Equal(["规范性文件", "7", "", "1", "8"], row);
        Assert.All(table.Cells.Where(c => c.Row == 0), c => Assert.True(c.IsHeader));
    }
}
