using Disclosure.Core.Layout;
using Disclosure.Layout;

namespace Disclosure.Tests.Layout;

public sealed class LayoutBuilderTests
{
    private const double Em = 10;

    /// <summary>Places words on a row at a given y; x positions are the left edges; CJK words are one em per character.</summary>
    private static IEnumerable<PositionedWord> Row(double y, params (double X, string Text)[] words) =>
        words.Select(w => new PositionedWord(w.Text, new BoundingBox(w.X, y, w.X + Width(w.Text), y + Em)));

    private static double Width(string text) => text.Sum(c => c >= 0x2E80 ? Em : Em * 0.55);

    private static PageWords Page(int number, params IEnumerable<PositionedWord>[] rows) =>
        new(number, 595, 842, [.. rows.SelectMany(r => r)]);

    private static readonly double[] Columns = [290, 330, 370, 410, 450, 490, 530];

    private static IEnumerable<PositionedWord> ValueRow(double y, string label, params string[] values) =>
        Row(y, [(60, label), .. values.Select((v, i) => (Columns[i] + 10 - Width(v) / 2, v))]);

    [Fact]
    public void Adjacent_values_stay_in_their_own_cells()
    {
        // The row that plain text extraction turns into "950000095".
        var page = Page(1,
            Row(100, (60, "二、主动公开政府信息情况")),
            Row(134, (60, "信息内容"), (285, "自然"), (325, "商业"), (365, "科研"), (405, "社会"), (445, "法律"), (485, "其他"), (525, "总计")),
            ValueRow(150, "一、本年新收政府信息公开申请数量", "95", "0", "0", "0", "0", "0", "95"),
            ValueRow(170, "二、上年结转政府信息公开申请数量", "1", "2", "3", "4", "5", "6", "21"));

        var table = Assert.Single(LayoutBuilder.Build([page]).OfType<LayoutTable>());

        Assert.Equal(GridKind.Grid, table.Kind);
        var row = table.Cells.Where(c => c.Text.StartsWith("一、", StringComparison.Ordinal)).Select(c => c.Row).Single();
        var values = table.Cells.Where(c => c.Row == row && c.Column > 0).OrderBy(c => c.Column).Select(c => c.Text).ToList();
        Assert.Equal(["95", "0", "0", "0", "0", "0", "95"], values);
        Assert.Equal(8, table.ColumnCount);
        Assert.Contains(table.Cells, c => c.IsHeader && c.Text == "总计" && c.Column == 7);
    }

    [Fact]
    public void Wrapped_row_label_is_joined_into_one_cell()
    {
        var page = Page(1,
            ValueRow(100, "（一）予以公开", "1", "2"),
            ValueRow(120, "（二）部分公开（区分处理的，只计", "3", "4"),
            Row(131, (60, "这一情形，不计其他情形）")),
            ValueRow(150, "（七）总计", "4", "6"));

        var table = Assert.Single(LayoutBuilder.Build([page]).OfType<LayoutTable>());

        Assert.Contains(table.Cells, c => c.Column == 0 && c.Text == "（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
        Assert.Equal(3, table.RowCount);
    }

    [Fact]
    public void Page_numbers_are_dropped_and_a_table_cut_by_a_page_break_is_joined()
    {
        var first = Page(1,
            Row(60, (60, "三、收到和处理政府信息公开申请情况")),
            ValueRow(700, "一、本年新收政府信息公开申请数量", "7", "0"),
            ValueRow(720, "二、上年结转政府信息公开申请数量", "1", "0"),
            Row(800, (290, "- 3 -")));
        var second = Page(2,
            ValueRow(60, "（七）总计", "8", "0"),
            ValueRow(80, "四、结转下年度继续办理", "0", "0"),
            Row(120, (60, "四、政府信息公开行政复议、行政诉讼情况")),
            Row(800, (290, "- 4 -")));

        var blocks = LayoutBuilder.Build([first, second]);

        var table = Assert.Single(blocks.OfType<LayoutTable>());
        Assert.Equal(4, table.RowCount);
        Assert.Contains(table.Cells, c => c.Text == "（七）总计" && c.Page == 2);
        Assert.DoesNotContain(blocks.OfType<LayoutParagraph>(), p => p.Text.Contains('3', StringComparison.Ordinal) && p.Text.Contains('-', StringComparison.Ordinal));
        Assert.Equal("四、政府信息公开行政复议、行政诉讼情况", blocks.OfType<LayoutParagraph>().Last().Text);
    }

    [Fact]
    public void Paragraph_lines_are_joined_and_headings_stay_separate()
    {
        var page = Page(1,
            Row(100, (60, "一、总体情况")),
            Row(120, (80, "本年度，本机关认真贯彻落实政府信息公开条例，全年主动公开政府信息一千余条，收到")),
            Row(134, (60, "申请七件，均按时答复。")),
            Row(160, (60, "二、主动公开政府信息情况")));

        var paragraphs = LayoutBuilder.Build([page]).OfType<LayoutParagraph>().Select(p => p.Text).ToList();

        Assert.Equal(["一、总体情况", "本年度，本机关认真贯彻落实政府信息公开条例，全年主动公开政府信息一千余条，收到申请七件，均按时答复。", "二、主动公开政府信息情况"], paragraphs);
    }

    [Fact]
    public void Ocr_confidence_is_kept_per_cell_and_misread_digits_are_repaired()
    {
        var words = ValueRow(100, "行政许可", "1O", "5").Select(w => w with { Confidence = w.Text == "5" ? 0.42 : 0.95 })
            .Concat(ValueRow(120, "行政处罚", "3", "4").Select(w => w with { Confidence = 0.95 }));
        var page = new PageWords(1, 595, 842, [.. words]) { Ocr = true };

        var table = Assert.Single(LayoutBuilder.Build([page]).OfType<LayoutTable>());

        Assert.Contains(table.Cells, c => c.Text == "10" && c.Confidence > 0.9);
        Assert.Contains(table.Cells, c => c.Text == "5" && c.Confidence == 0.42);
    }

    [Fact]
    public void A_scanned_value_between_two_columns_is_flagged_by_a_low_confidence_but_a_text_layer_one_is_not()
    {
        // Two value rows fix the columns; a lone value on its own line lies across the boundary of the first two.
        IEnumerable<PositionedWord> Words() => ValueRow(100, "行政许可", "1", "2").Concat(ValueRow(120, "行政处罚", "3", "4"))
            .Concat([new PositionedWord("7", new BoundingBox(312, 135, 328, 145), 0.99)])
            .Select(w => w with { Confidence = w.Confidence ?? 0.99 });

        var scan = Assert.Single(LayoutBuilder.Build([new PageWords(1, 595, 842, [.. Words()]) { Ocr = true }]).OfType<LayoutTable>());
        var text = Assert.Single(LayoutBuilder.Build([new PageWords(1, 595, 842, [.. Words()])]).OfType<LayoutTable>());

        Assert.True(scan.Cells.Single(c => c.Text == "7").Confidence < 0.8);
        Assert.True(scan.Cells.Single(c => c.Text == "4").Confidence > 0.9);
        Assert.True(text.Cells.Single(c => c.Text == "7").Confidence > 0.9);
    }
}
