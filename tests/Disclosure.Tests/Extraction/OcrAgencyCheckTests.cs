using Disclosure.Core.Contract;
using Disclosure.Core.Engine;
using Disclosure.Core.Extraction;
using Disclosure.Core.Layout;

namespace Disclosure.Tests.Extraction;

/// <summary>
/// An agency name read by OCR is never presented as certain when the reading is doubtful (issue 11: 浉 is not in
/// PP-OCRv4's character list, so 信阳市浉河区 is read 信阳市滞河区 or 信阳市狮河区).
/// </summary>
public sealed class OcrAgencyCheckTests
{
    private static LayoutDocument Scan(bool ocr, params (string Text, double? Confidence)[] paragraphs) =>
        new(SourceFormat.Pdf, 1, [.. paragraphs.Select(p => (LayoutBlock)new LayoutParagraph(1, p.Text, null, p.Confidence))], ocr);

    [Fact]
    public void A_title_read_with_low_confidence_flags_the_agency()
    {
        var doc = Scan(true, ("信阳市滞河区人民政府2024年政府信息公开工作年度报告", 0.56), ("一、总体情况", 0.96));
        var report = TemplateExtractor.Extract(doc);
        Assert.Equal("信阳市滞河区人民政府", report.Report.Agency);
        Assert.True(report.Report.AgencyUncertain);
        Assert.Equal(0.56, report.Report.AgencyConfidence);
        var finding = Assert.Single(report.Findings, f => f.Detail == OcrAgencyCheck.FindingDetail);
        Assert.Equal(FindingCodes.ExtractionUncertain, finding.Code);
        Assert.Contains("信阳市滞河区人民政府", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_repeated_with_one_character_different_flags_the_agency()
    {
        var doc = Scan(true, ("信阳市滞河区人民政府2024年政府信息公开工作年度报告", 0.95), ("一、总体情况", 0.96),
            ("2024年，信阳市狮河区人民政府深入贯彻落实政务公开工作要点。", 0.75));
        var report = TemplateExtractor.Extract(doc);
        Assert.True(report.Report.AgencyUncertain);
        Assert.Contains("信阳市狮河区人民政府", Assert.Single(report.Findings, f => f.Detail == OcrAgencyCheck.FindingDetail).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_read_with_a_character_dropped_is_flagged_by_its_repetition()
    {
        // lo-45-007-err at 200 dpi: the title lost 浉 at 0.955; the signature kept a character in its place.
        var doc = Scan(true, ("信阳市河区自然资源局2020年度政府信息公开工作年度报告", 0.955), ("一、总体情况", 0.96),
            ("信阳市狮河区自然资源局2021年1月20日", 0.788));
        var report = TemplateExtractor.Extract(doc);
        Assert.Equal("信阳市河区自然资源局", report.Report.Agency);
        Assert.True(report.Report.AgencyUncertain);
    }

    [Fact]
    public void A_confident_name_read_only_once_is_flagged()
    {
        // tesseract on lo-21-004 at 300 dpi: 帘壁市 for 鹤壁市 with no doubt, and the name nowhere else as read.
        var doc = Scan(true, ("帘壁市淇滨区市场监督管理局2020年政府信息公开工作年度报告", 0.93), ("一、总体情况", 0.96),
            ("2020年，本局深入贯彻落实政务公开工作要点。", 0.9));
        var report = TemplateExtractor.Extract(doc);
        Assert.Equal("帘壁市淇滨区市场监督管理局", report.Report.Agency);
        Assert.True(report.Report.AgencyUncertain);
        Assert.Contains("只出现一次", Assert.Single(report.Findings, f => f.Detail == OcrAgencyCheck.FindingDetail).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_confident_name_repeated_the_same_is_not_flagged()
    {
        var doc = Scan(true, ("洛阳市西工区市场监督管理局2021年政府信息公开工作年度报告", 0.95), ("一、总体情况", 0.96),
            ("2021年，洛阳市西工区市场监督管理局深入贯彻落实政务公开工作要点。", 0.41));
        var report = TemplateExtractor.Extract(doc);
        Assert.Equal("洛阳市西工区市场监督管理局", report.Report.Agency);
        Assert.Null(report.Report.AgencyUncertain);
        Assert.Equal(0.95, report.Report.AgencyConfidence);
        Assert.DoesNotContain(report.Findings, f => f.Detail == OcrAgencyCheck.FindingDetail);
    }

    [Fact]
    public void A_name_from_a_text_layer_is_not_assessed()
    {
        var doc = Scan(false, ("信阳市浉河区人民政府2024年政府信息公开工作年度报告", null), ("2024年，信阳市狮河区人民政府深入贯彻。", null));
        var report = TemplateExtractor.Extract(doc);
        Assert.Null(report.Report.AgencyUncertain);
        Assert.Null(report.Report.AgencyConfidence);
    }

    [Theory]
    [InlineData("信阳市狮河区人民政府深入", "信阳市滞河区人民政府", "信阳市狮河区人民政府")]
    [InlineData("信阳市滞河区人民政府深入", "信阳市滞河区人民政府", null)]
    [InlineData("信阳市浉河区教育局", "信阳市浉河区人民政府", null)]
    [InlineData("商务局和民政局", "财政局", null)]
    [InlineData("2020年，信阳市狮河区自然资源局深入", "信阳市河区自然资源局", "信阳市狮河区自然资源局")]
    [InlineData("信阳市河区自然资源局2021年1月20日", "信阳市狮河区自然资源局", "信阳市河区自然资源局")]
    [InlineData("鹤壁市淇滨区教育局局长", "鹤壁市淇滨区教育局", null)]
    [InlineData("鹤壁市淇滨区教育局", "鹤壁市淇滨区教育局", null)]
    public void One_character_apart_finds_a_variant_one_edit_away(string text, string name, string? variant) =>
        Assert.Equal(variant, OcrAgencyCheck.OneCharacterApart(text, name));
}
