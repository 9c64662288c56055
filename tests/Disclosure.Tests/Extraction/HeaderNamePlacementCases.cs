using Disclosure.Core.Contract;
using Disclosure.Core.Extraction;
using Disclosure.Core.Layout;
using Disclosure.Core.Validation;

namespace Disclosure.Tests.Extraction;

/// <summary>
/// A PDF grid that merged table 3's header cells (自然人法人或其他组织 in one cell, as the text-geometry fallback does
/// when most columns are blank: seed-002) still says where each column's name is printed: a value is placed under the
/// name nearest above it, a column with nothing printed under it is blank, and a value between two names is not placed
/// but flagged. A real arithmetic error on values placed so is the arithmetic finding; one that involves a value that
/// could not be placed is one EXTRACTION_UNCERTAIN naming it. Grids with boxes built here (x in points, 10 pt a character).
/// </summary>
public sealed class HeaderNamePlacementCases
{
    /// <summary>Row label, then (x-centre of each printed value, its text).</summary>
    public sealed record Case(string Name, (string Label, (double X, string Text)[] Values)[] Rows, Dictionary<string, decimal?> Expected, string[] Flagged, string[] Codes)
    {
        public override string ToString() => Name;
    }

    // 自然人 224–254, 商业企业 261–303, 科研机构 303–345, 社会公益组织 345–409, 法律服务机构 421–481, 其他 481–501, 总计 514–534.
    private const double Natural = 239, Total = 524;

    private static (string, (double, string)[]) Row(string label, params (double, string)[] values) => (label, values);

    public static readonly Case[] All =
    [
        new("values under 自然人 and 总计, the rest blank; a real broken balance is the arithmetic finding",
            [
                Row("一、本年新收政府信息公开申请数量", (Natural, "2"), (Total, "2")),
                Row("二、上年结转政府信息公开申请数量", (Natural, "0")),
                Row("（七）总计", (Natural, "0"), (Total, "0")),
                Row("四、结转下年度继续办理", (Natural, "0"), (Total, "0")),
            ],
            new() { ["t3.new_received.natural"] = 2, ["t3.new_received.total"] = 2, ["t3.new_received.commercial"] = null, ["t3.carried_over.total"] = null },
            [], [FindingCodes.T3Balance, FindingCodes.BlankCell]),
        new("a value half-way between two names is not placed but flagged; the other column's broken balance is still found",
            [
                Row("一、本年新收政府信息公开申请数量", (Natural, "2"), (Total, "2")),
                Row("二、上年结转政府信息公开申请数量", (Natural, "0"), (Total, "0")),
                Row("（七）总计", (Natural, "0"), (Total, "0")),
                Row("四、结转下年度继续办理", (260, "0"), (Total, "0")),
            ],
            new() { ["t3.new_received.natural"] = 2, ["t3.carried_forward.natural"] = null },
            ["t3.carried_forward.commercial", "t3.carried_forward.natural"], [FindingCodes.ExtractionUncertain, FindingCodes.T3Balance]),
    ];

    public static TheoryData<Case> Cases() => new(All);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Placed_under_the_header_name_above(Case c)
    {
        var cells = new List<LayoutCell>
        {
            new(0, 0, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", IsHeader: true, Box: new BoundingBox(61, 630, 205, 640)),
            new(0, 3, "自然人法人或其他组织", IsHeader: true, Box: new BoundingBox(224, 640, 324, 650)),
            new(0, 4, "总计", IsHeader: true, Box: new BoundingBox(514, 640, 534, 650)),
            new(1, 3, "商业企业科研机构社会公益组织", ColumnSpan: 2, IsHeader: true, Box: new BoundingBox(261, 656, 409, 666)),
            new(1, 4, "法律服务机构其他", IsHeader: true, Box: new BoundingBox(421, 656, 501, 666)),
        };
        for (var r = 0; r < c.Rows.Length; r++)
        {
            var top = 675 + (17 * r);
            cells.Add(new LayoutCell(r + 2, 0, c.Rows[r].Label, Box: new BoundingBox(61, top, 205, top + 10)));
            // The merged grid has two value columns: everything left of 法律服务机构 in one, the rest in the other.
            foreach (var (x, text) in c.Rows[r].Values)
            {
                cells.Add(new LayoutCell(r + 2, x < 415 ? 3 : 4, text, Box: new BoundingBox(x - 2.5, top, x + 2.5, top + 10)));
            }
        }

        var report = TemplateExtractor.Extract(new LayoutDocument(SourceFormat.Pdf, 1,
        [
            new LayoutParagraph(1, "三、收到和处理政府信息公开申请情况"),
            new LayoutTable(1, [.. cells.OrderBy(x => x.Row).ThenBy(x => x.Column)], GridKind.Grid),
        ]));
        var findings = new ReportValidator().Validate(report);

        foreach (var (key, value) in c.Expected)
        {
            Assert.True(report.Cells.ContainsKey(key), key);
            Assert.Equal(value, report.Value(key));
        }

        Assert.Equal(c.Flagged.Order(), report.UncertainCells.Where(k => k.StartsWith("t3.carried_forward.", StringComparison.Ordinal) || c.Flagged.Contains(k)).Order());
        foreach (var code in c.Codes)
        {
            Assert.Contains(findings, f => f.Code == code);
        }

        // Arithmetic only on confident cells; the cells that could not be placed are named by one EXTRACTION_UNCERTAIN.
        var arithmetic = findings.Where(f => f.Code is FindingCodes.T3Balance or FindingCodes.T3ResultsTotal or FindingCodes.T3RowTotal).ToList();
        Assert.NotEmpty(arithmetic);
        Assert.All(arithmetic, f => Assert.DoesNotContain(f.Cells, report.UncertainCells.Contains));
        Assert.Equal(c.Flagged.Length > 0 ? 1 : 0, findings.Count(f => f.Code == FindingCodes.ExtractionUncertain && c.Flagged.All(f.Cells.Contains)));

        Assert.DoesNotContain(findings, f => f.Code == FindingCodes.TemplateDeviation && f.Message.Contains("表头缺少列", StringComparison.Ordinal));
    }
}
