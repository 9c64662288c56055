using Disclosure.Core.Contract;
using Disclosure.Core.Extraction;
using Disclosure.Core.Layout;

namespace Disclosure.Tests.Extraction;

/// <summary>Grid tables whose header was only partly read (OCR) still map every column, and say so.</summary>
public sealed class GridColumnInferenceTests
{
    private static LayoutDocument Document(bool withUnreadableHeaders)
    {
        var cells = new List<LayoutCell>();
        string[] header = withUnreadableHeaders
            ? ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]
            : ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];
        for (var c = 0; c < header.Length; c++)
        {
            cells.Add(new LayoutCell(0, c, header[c], IsHeader: true));
        }

        string[][] rows =
        [
            ["一、本年新收政府信息公开申请数量", "5", "1", "0", "0", "0", "0", "6"],
            ["二、上年结转政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"],
            ["(一)予以公开", "6", "1", "0", "0", "0", "0", "7"],
        ];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                cells.Add(new LayoutCell(r + 1, c, rows[r][c]));
            }
        }

        return new LayoutDocument(SourceFormat.Pdf, 1,
        [
            new LayoutParagraph(1, "三、收到和处理政府信息公开申请情况"),
            new LayoutTable(1, cells, GridKind.Grid),
        ]);
    }

    [Fact]
    public void Unread_header_columns_are_named_by_position_and_flagged()
    {
        var report = TemplateExtractor.Extract(Document(withUnreadableHeaders: true));
        Assert.Equal(5m, report.Value("t3.new_received.natural"));
        Assert.Equal(6m, report.Value("t3.new_received.total"));
        Assert.Equal(7m, report.Value("t3.granted.total"));
        Assert.Contains(report.Findings, f => f.Code == FindingCodes.ExtractionUncertain && f.Message.Contains("自然人", StringComparison.Ordinal));
        Assert.DoesNotContain(report.Findings, f => f.Code == FindingCodes.TemplateDeviation);
    }

    [Fact]
    public void A_fully_read_header_infers_nothing()
    {
        var report = TemplateExtractor.Extract(Document(withUnreadableHeaders: false));
        Assert.Equal(5m, report.Value("t3.new_received.natural"));
        Assert.DoesNotContain(report.Findings, f => f.Code == FindingCodes.ExtractionUncertain);
    }
}
