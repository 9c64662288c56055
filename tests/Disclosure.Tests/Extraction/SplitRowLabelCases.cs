using Disclosure.Core.Contract;
using Disclosure.Core.Extraction;
using Disclosure.Core.Layout;

namespace Disclosure.Tests.Extraction;

/// <summary>
/// A table-3 row cut by a page break (or a label wrapped into a grid row of its own) prints its label in two pieces,
/// one beside the figures and one in a row without any, as LibreOffice exports of the official template do. The row
/// is read once, by its joined label, its figures confident; a blank row of its own is never taken for such a piece.
/// Cases as data on grids built here: label cells in grid columns 0–2, the seven value columns 3–9.
/// </summary>
public sealed class SplitRowLabelCases
{
    /// <summary>A row: its label cells (column, text) and its seven values (null: a row without figures, cells empty).</summary>
    public sealed record Row((int Col, string Text)[] Labels, int[]? Values);

    public sealed record Case(string Name, Row[] Rows, string RowKey, decimal? Total, bool Flagged, string? Deviation = null)
    {
        public override string ToString() => Name;
    }

    private static Row Figures(int total, params (int, string)[] labels) => new(labels, [total, 0, 0, 0, 0, 0, total]);

    private static Row Piece(params (int, string)[] labels) => new(labels, null);

    public static readonly Case[] All =
    [
        new("page break inside an item's words, the rest below (2.其他法律行 | 政法规禁止公开)",
            [
                Figures(6, (1, "（三）不予公开"), (2, "1.属于国家秘密")),
                Figures(26, (2, "2.其他法律行")),
                Piece((0, "果"), (1, "不予公开"), (2, "政法规禁止公开")),
                Figures(34, (2, "3.危及“三安全一稳定”")),
            ],
            "denied_prohibited_by_law", 26, Flagged: false),
        new("the （六）1 label cut after its first characters, the rest below",
            [
                Figures(12, (2, "5.要求行政机关确认或重新出具已获取信息")),
                Figures(7, (1, "（"), (2, "1.申请人无正")),
                Piece((1, "六）其他处理"), (2, "当理由逾期不补正、行政机关不再处理其政府信息公开申请")),
                Figures(0, (2, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")),
            ],
            "other_no_correction", 7, Flagged: false),
        new("the （六）1 label cut, its first piece above the figures",
            [
                Figures(12, (2, "5.要求行政机关确认或重新出具已获取信息")),
                Piece((1, "（六"), (2, "1.申请人无正当理由逾期")),
                Figures(35, (1, "）其他处理"), (2, "不补正、行政机关不再处理其政府信息公开申请")),
                Figures(0, (2, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")),
            ],
            "other_no_correction", 35, Flagged: false),
        new("a label that names its row in its first piece: the piece below is not a second, blank reading",
            [
                Figures(22, (1, "（六）其他处理"), (2, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")),
                Figures(37, (2, "2.申请人逾期未按收费通知")),
                Piece((2, "要求缴纳费用、行政机关不再处理其政府信息公开申请")),
                Figures(8, (2, "3.其他")),
            ],
            "other_no_fee", 37, Flagged: false),
        new("a blank row of its own under an unknown row is not its continuation",
            [
                Figures(6, (1, "（三）不予公开"), (2, "1.属于国家秘密")),
                Figures(9, (2, "其他情形")),
                Piece((2, "3.危及“三安全一稳定”")),
                Figures(4, (2, "4.保护第三方合法权益")),
            ],
            "denied_three_safety", null, Flagged: false, Deviation: "其他情形"),
    ];

    public static TheoryData<Case> Cases() => new(All);

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_split_label_names_its_row_once(Case c)
    {
        string[] header = ["", "", "", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];
        var cells = header.Select((h, col) => new LayoutCell(0, col, h, IsHeader: true)).ToList();
        for (var r = 0; r < c.Rows.Length; r++)
        {
            var row = c.Rows[r];
            cells.AddRange(row.Labels.Select(l => new LayoutCell(r + 1, l.Col, l.Text)));
            for (var v = 0; v < 7; v++)
            {
                var text = row.Values is { } values ? values[v].ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
                cells.Add(new LayoutCell(r + 1, 3 + v, text));
            }
        }

        var report = TemplateExtractor.Extract(new LayoutDocument(SourceFormat.Pdf, 1,
        [
            new LayoutParagraph(1, "三、收到和处理政府信息公开申请情况"),
            new LayoutTable(1, cells.OrderBy(x => x.Row).ThenBy(x => x.Column).ToList(), GridKind.Grid),
        ]));

        var key = $"t3.{c.RowKey}.total";
        Assert.Equal(c.Total, report.Value(key));
        Assert.Equal(c.Flagged, report.UncertainCells.Contains(key));
        Assert.DoesNotContain(report.Findings, f => f.Code == FindingCodes.ExtractionUncertain && f.Cells.Any(k => k.StartsWith($"t3.{c.RowKey}.", StringComparison.Ordinal)));
        if (c.Deviation is { } unknown)
        {
            Assert.Contains(report.Findings, f => f.Code == FindingCodes.TemplateDeviation && f.Message.Contains(unknown, StringComparison.Ordinal));
        }
    }
}
