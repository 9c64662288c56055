using Disclosure.Core.Contract;
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

    [Fact]
    public void An_item_after_an_unread_one_is_named_by_its_number_and_flagged()
    {
        string[] header = ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];
        var cells = header.Select((h, c) => new LayoutCell(0, c, h, IsHeader: true)).ToList();
        string[][] rows =
        [
            ["(三)不予公开2.其他法律行政法规禁止公开", "1", "0", "0", "0", "0", "0", "1"],
            ["23.危及“一安全一", "2", "0", "0", "0", "0", "0", "2"], // unreadable, and its number too
            ["4.保护第二方合法权奸", "3", "0", "0", "0", "0", "0", "3"], // two characters wrong: named by its number
        ];
        for (var r = 0; r < rows.Length; r++)
        {
            cells.AddRange(rows[r].Select((text, c) => new LayoutCell(r + 1, c, text)));
        }

        var report = TemplateExtractor.Extract(new LayoutDocument(SourceFormat.Pdf, 1,
            [new LayoutParagraph(1, "三、收到和处理政府信息公开申请情况"), new LayoutTable(1, cells, GridKind.Grid)], Ocr: true));

        Assert.Equal(3m, report.Value("t3.denied_third_party.total"));
        Assert.Null(report.Value("t3.denied_three_safety.total"));
        Assert.Contains(report.Findings, f => f.Code == FindingCodes.ExtractionUncertain && f.Cells.Contains("t3.denied_third_party.total"));
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

/// <summary>Table-2 rows whose labels OCR garbled: one misread character, or the place between two rows that were read.</summary>
public sealed class GarbledTable2LabelTests
{
    private static ExtractedReport Extract(params string[][] rows)
    {
        var cells = new List<LayoutCell>();
        string[][] all =
        [
            ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
            .. rows.Take(2),
            ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
            .. rows.Skip(2),
        ];
        for (var r = 0; r < all.Length; r++)
        {
            cells.AddRange(all[r].Select((text, c) => new LayoutCell(r, c, text)));
        }

        return TemplateExtractor.Extract(new LayoutDocument(SourceFormat.Pdf, 1,
            [new LayoutParagraph(1, "二、主动公开政府信息情况"), new LayoutTable(1, cells, GridKind.Grid)], Ocr: true));
    }

    [Fact]
    public void A_row_between_two_read_rows_and_a_single_misread_character_are_named()
    {
        var report = Extract(
            ["规遍", "1", "2", "3"], // 规章, unreadable, but the first row before 规范性文件
            ["规范性文件", "4", "5", "6"],
            ["行政许可", "7", "8", "9"],
            ["其他对外儿理服务婴项", "10", "11", "12"]); // one character wrong in 其他对外管理服务

        Assert.Equal(1m, report.Value("t2.regulations.made"));
        Assert.Equal(6m, report.Value("t2.normative_docs.total"));
        Assert.Equal(12m, report.Value("t2.other_services.decisions"));
    }

    [Fact]
    public void An_unreadable_row_with_more_than_one_candidate_place_stays_unnamed()
    {
        var report = Extract(
            ["规章", "1", "2", "3"],
            ["规范性文件", "4", "5", "6"],
            ["行攻许口", "7", "8", "9"], // licensing or other_services: the next read row leaves two places
            ["行政处罚", "10", "11", "12"]);

        Assert.Null(report.Value("t2.licensing.previous"));
        Assert.Null(report.Value("t2.other_services.previous"));
        Assert.Equal(12m, report.Value("t2.penalty.decisions"));
    }
}
