using Disclosure.Core.Extraction;
using Disclosure.Core.Layout;

namespace Disclosure.Tests.Extraction;

/// <summary>
/// A table-3 item whose words OCR garbled is placed by its number (only as the next item of its group) or when a single
/// character of a long label fragment is wrong; more damage leaves it unrecognised.
/// </summary>
public sealed class GarbledItemLabelTests
{
    private static LayoutDocument Document(string garbled)
    {
        string[] header = ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];
        var cells = header.Select((h, c) => new LayoutCell(0, c, h, IsHeader: true)).ToList();
        string[][] rows =
        [
            ["(三)不予公开6.属于四类过程性信息", "1", "0", "0", "0", "0", "0", "1"],
            [garbled, "2", "0", "0", "0", "0", "0", "2"],
            ["8.属于行政查询事项", "3", "0", "0", "0", "0", "0", "3"],
        ];
        for (var r = 0; r < rows.Length; r++)
        {
            cells.AddRange(rows[r].Select((text, c) => new LayoutCell(r + 1, c, text)));
        }

        return new LayoutDocument(SourceFormat.Pdf, 1, [new LayoutParagraph(1, "三、收到和处理政府信息公开申请情况"), new LayoutTable(1, cells, GridKind.Grid)], Ocr: true);
    }

    [Theory]
    [InlineData("7.必于行政执法桉郑", true)] // two characters wrong, but the next number of its group
    [InlineData("必于行政执法案郑", true)] // no number, one character wrong in 执法案卷
    [InlineData("9.必于行政执法桉郑", false)] // not the next number of the group, two characters wrong
    [InlineData("必于行政执法桉郑", false)] // no number, two characters wrong
    public void A_garbled_item_is_named_by_its_number_or_a_single_misread(string garbled, bool named)
    {
        var report = TemplateExtractor.Extract(Document(garbled));
        Assert.Equal(named ? 2m : null, report.Value("t3.denied_enforcement_case.natural"));
        Assert.Equal(3m, report.Value("t3.denied_inquiry.total"));
    }
}
