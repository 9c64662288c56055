using Disclosure.Core.Contract;
using Disclosure.Core.Extraction;
using Disclosure.Core.Layout;

namespace Disclosure.Tests.Extraction;

/// <summary>
/// Table 4 as a scan's grid gives it (lo-61-002 at 200 dpi): a header row of fifteen column names over the value row. A
/// name read with one character wrong (治果纠正) still stands for its column, so each figure goes under its name; a cell
/// that reads as no figure is named as doubtful, and nothing after it shifts a column.
/// </summary>
public sealed class Table4HeaderTests
{
    private static readonly string[] Names = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

    private static ExtractedReport Extract(string[] header, string[] values, bool ocr)
    {
        var cells = new List<LayoutCell>
        {
            new(0, 0, "行政复议", ColumnSpan: 5, IsHeader: true),
            new(0, 5, "行政诉讼", ColumnSpan: 10, IsHeader: true),
        };
        cells.AddRange(header.Select((h, i) => new LayoutCell(1, i, h, IsHeader: true)));
        cells.AddRange(values.Select((v, i) => new LayoutCell(2, i, v, Confidence: v == "RD" ? 0.5 : 0.97)));
        return TemplateExtractor.Extract(new LayoutDocument(SourceFormat.Pdf, 1,
        [
            new LayoutParagraph(1, "四、政府信息公开行政复议、行政诉讼情况"),
            new LayoutTable(1, cells, GridKind.Grid),
        ], ocr));
    }

    private static readonly string[] Header = [.. Names, .. Names, .. Names];

    private static readonly string[] Values = ["7", "3", "5", "0", "15", "8", "5", "0", "3", "16", "7", "0", "4", "5", "16"];

    [Fact]
    public void A_column_name_with_one_character_misread_still_places_the_figures()
    {
        var header = (string[])Header.Clone();
        header[11] = "治果纠正";

        var report = Extract(header, Values, ocr: true);

        var keys = CanonicalKeys.Table4Keys().ToList();
        Assert.Equal(Values.Select(decimal.Parse), keys.Select(k => report.Value(k)!.Value));
    }

    [Fact]
    public void A_cell_read_as_no_figure_is_doubtful_and_the_others_keep_their_columns()
    {
        var header = (string[])Header.Clone();
        header[11] = "治果纠正";
        var values = (string[])Values.Clone();
        values[8] = "RD";

        var report = Extract(header, values, ocr: true);

        var keys = CanonicalKeys.Table4Keys().ToList();
        Assert.Contains(keys[8], report.UncertainCells);
        Assert.Null(report.Value(keys[8]));
        foreach (var i in Enumerable.Range(0, 15).Where(i => i != 8))
        {
            Assert.Equal(decimal.Parse(Values[i]), report.Value(keys[i]));
        }

        Assert.DoesNotContain(report.Findings, f => f.Code == FindingCodes.IncompleteTable);
    }

    /// <summary>
    /// lo-61-002 at 200 dpi: the first figure read "7/" (no figure, so the row's label) and one name misread. With the name
    /// taken, the fourteen figures stand under their names and the first is doubtful; a name two characters off, or 总计
    /// one off, is no name, and the fourteen figures are not placed by their order (which one is missing cannot be told).
    /// </summary>
    [Theory]
    [InlineData(11, "治果纠正", true)]
    [InlineData(11, "治果纠E", false)]
    [InlineData(4, "总汁", false)]
    public void A_first_cell_read_as_no_figure(int at, string misread, bool placed)
    {
        var header = (string[])Header.Clone();
        header[at] = misread;
        var values = (string[])Values.Clone();
        values[0] = "7/";

        var report = Extract(header, values, ocr: true);

        var keys = CanonicalKeys.Table4Keys().ToList();
        Assert.Contains(keys[0], report.UncertainCells);
        Assert.Null(report.Value(keys[0]));
        foreach (var i in Enumerable.Range(1, 14))
        {
            Assert.Equal(placed ? decimal.Parse(Values[i]) : null, report.Value(keys[i]));
        }

        Assert.DoesNotContain(report.Findings, f => f.Code == FindingCodes.IncompleteTable);
    }
}
