using Disclosure.Core.Contract;
using Disclosure.Core.Engine;
using Disclosure.Core.Layout;

namespace Disclosure.Tests.Readers.Support;

internal static class LayoutAssert
{
    public static LayoutDocument Ok(ReadOutcome outcome)
    {
        Assert.True(outcome.Succeeded, $"read failed: {outcome.ErrorCode} {outcome.Error}");
        return outcome.Document!;
    }

    public static void Failed(ReadOutcome outcome, string code, string reasonPart)
    {
        Assert.False(outcome.Succeeded, "expected a failure");
        Assert.Equal(code, outcome.ErrorCode);
        Assert.Contains(reasonPart, outcome.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// When set (per async flow), texts are compared without spaces: for producers such as LibreOffice that turn a source
    /// line break between two fragments into a literal space.
    /// </summary>
    private static readonly AsyncLocal<bool> IgnoreSpaces = new();

    public static IDisposable IgnoringSpaces()
    {
        IgnoreSpaces.Value = true;
        return new Reset();
    }

    private sealed class Reset : IDisposable
    {
        public void Dispose() => IgnoreSpaces.Value = false;
    }

    private static string Norm(string s) => IgnoreSpaces.Value ? s.Replace(" ", "", StringComparison.Ordinal) : s;

    public static LayoutTable TableWith(LayoutDocument document, string text) =>
        Assert.Single(document.Tables, t => t.Cells.Any(c => Norm(c.Text) == Norm(text)));

    public static LayoutCell Cell(LayoutTable table, int row, int column, string text, int rowSpan = 1, int columnSpan = 1)
    {
        var cell = table.Cells.SingleOrDefault(c => c.Row == row && c.Column == column);
        Assert.True(cell is not null, $"no cell starts at ({row},{column}); cells: {string.Join(" | ", table.Cells.Where(c => c.Row == row).Select(c => $"({c.Row},{c.Column}) {c.Text}"))}");
        Assert.Equal(Norm(text), Norm(cell.Text));
        Assert.True(rowSpan == cell.RowSpan, $"({row},{column}) {text}: RowSpan {cell.RowSpan}, expected {rowSpan}");
        Assert.True(columnSpan == cell.ColumnSpan, $"({row},{column}) {text}: ColumnSpan {cell.ColumnSpan}, expected {columnSpan}");
        return cell;
    }

    /// <summary>No two cells cover the same grid slot: a merged cell appears once.</summary>
    public static void NoOverlaps(LayoutTable table)
    {
        var seen = new HashSet<(int, int)>();
        foreach (var c in table.Cells)
        {
            for (var r = c.Row; r < c.Row + c.RowSpan; r++)
            {
                for (var k = c.Column; k < c.Column + c.ColumnSpan; k++)
                {
                    Assert.True(seen.Add((r, k)), $"slot ({r},{k}) covered twice (cell '{c.Text}')");
                }
            }
        }
    }

    /// <summary>Table 3 in the official merged layout (both formats), with the numbers of seed 001 or 004.</summary>
    public static void OfficialTable3(LayoutDocument document, TemplateVersion template, string[] firstRow, bool? headers)
    {
        var t = TableWith(document, "申请人情况");
        Assert.Equal(GridKind.Grid, t.Kind);
        NoOverlaps(t);
        var is2021 = template == TemplateVersion.V2021;
        Assert.Equal(is2021 ? 28 : 26, t.RowCount);
        Assert.Equal(10, t.ColumnCount);
        Assert.Equal(is2021 ? 215 : 198, t.Cells.Count);

        var note = Cell(t, 0, 0, OfficialTableSpecs.BalanceNote, 3, 3);
        var applicants = Cell(t, 0, 3, "申请人情况", 1, 7);
        if (headers is { } h)
        {
            Assert.Equal(h, note.IsHeader);
            Assert.Equal(h, applicants.IsHeader);
        }

        Cell(t, 1, 3, "自然人", 2, 1);
        Cell(t, 1, 4, "法人或其他组织", 1, 5);
        Cell(t, 1, 9, "总计", 2, 1);
        Cell(t, 2, 4, "商业企业");
        Cell(t, 2, 8, "其他");
        Assert.False(Cell(t, 3, 0, "一、本年新收政府信息公开申请数量", 1, 3).IsHeader);
        for (var k = 0; k < 7; k++)
        {
            Cell(t, 3, 3 + k, firstRow[k]);
        }

        Cell(t, 4, 0, "二、上年结转政府信息公开申请数量", 1, 3);
        Cell(t, 5, 0, "三、本年度办理结果", is2021 ? 22 : 20, 1);
        Cell(t, 5, 1, "（一）予以公开", 1, 2);
        Cell(t, 6, 1, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, 2);
        Cell(t, 7, 1, "（三）不予公开", 8, 1);
        Cell(t, 7, 2, "1.属于国家秘密");
        Cell(t, 7, 3, "0");

        // After two rowspans from above, the label sits in column 2 and the numbers start in column 3.
        Cell(t, 8, 2, "2.其他法律行政法规禁止公开");
        Cell(t, 8, 3, "0");
        Cell(t, 9, 2, "3.危及“三安全一稳定”");
        Cell(t, 14, 2, "8.属于行政查询事项");
        Cell(t, 15, 1, "（四）无法提供", 3, 1);
        Cell(t, 17, 2, "3.补正后申请内容仍不明确");
        Cell(t, 18, 1, "（五）不予处理", 5, 1);
        Cell(t, 22, 2, "5.要求行政机关确认或重新出具已获取信息");
        Cell(t, 22, 9, "0");
        if (is2021)
        {
            Cell(t, 23, 1, "（六）其他处理", 3, 1);
            Cell(t, 23, 2, OfficialTableSpecs.Other2021[0]);
            Cell(t, 25, 2, "3.其他");
            Cell(t, 26, 1, "（七）总计", 1, 2);
            Cell(t, 27, 0, "四、结转下年度继续办理", 1, 3);
        }
        else
        {
            Cell(t, 23, 1, "（六）其他处理", 1, 2);
            Cell(t, 24, 1, "（七）总计", 1, 2);
            Cell(t, 25, 0, "四、结转下年度继续办理", 1, 3);
        }
    }

    public static void OfficialTable4(LayoutDocument document, string[] values)
    {
        var t = TableWith(document, "行政复议");
        NoOverlaps(t);
        Assert.Equal(4, t.RowCount);
        Assert.Equal(15, t.ColumnCount);
        Assert.Equal(34, t.Cells.Count);
        Cell(t, 0, 0, "行政复议", 1, 5);
        Cell(t, 0, 5, "行政诉讼", 1, 10);
        Cell(t, 1, 0, "结果维持", 2, 1);
        Cell(t, 1, 4, "总计", 2, 1);
        Cell(t, 1, 5, "未经复议直接起诉", 1, 5);
        Cell(t, 1, 10, "复议后起诉", 1, 5);
        Cell(t, 2, 5, "结果维持");
        Cell(t, 2, 9, "总计");
        Cell(t, 2, 10, "结果维持");
        Cell(t, 2, 14, "总计");
        for (var k = 0; k < 15; k++)
        {
            Cell(t, 3, k, values[k]);
        }
    }

    public static readonly string[] Seed001Row1 = ["3", "1", "0", "0", "0", "0", "4"];
    public static readonly string[] Seed004Row1 = ["7", "0", "0", "0", "0", "0", "7"];
    public static readonly string[] Seed001Table4 = ["0", "1", "0", "1", "2", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"];
    public static readonly string[] Seed004Table4 = ["1", "0", "0", "0", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"];
}
