using Disclosure.Core.Contract;
using Disclosure.Core.Vocabulary;
using Disclosure.Tests.Support;

namespace Disclosure.Tests.YearOverYear;

/// <summary>The narrative-section rules, as cases: section text in, the codes raised out.</summary>
public sealed class NarrativeRulesTests
{
    private static readonly string[] NarrativeCodes =
        [FindingCodes.EmptySection, FindingCodes.NoImprovementMeasure, FindingCodes.FeeStatementMissing, FindingCodes.NarrativeMismatch];

    public static TheoryData<string, string, int, string, string> Cases() => new()
    {
        // name, template, section, text, expected codes (comma separated)
        { "section 一 empty", "2021", 1, "", "EMPTY_SECTION" },
        { "section 五 is 无", "2021", 5, "无。", "EMPTY_SECTION" },
        { "section 五 only the placeholder", "2021", 5, "（文字描述）", "EMPTY_SECTION" },
        { "section 六 无 in the 2021 format", "2021", 6, "无", "EMPTY_SECTION,FEE_STATEMENT_MISSING" },
        { "section 六 无 in the 2019 format is an answer", "2019", 6, "无", "" },
        { "section 六 without the fee", "2021", 6, "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。", "FEE_STATEMENT_MISSING" },
        { "section 六 with the fee", "2021", 6, "本年度未收取信息处理费。", "" },
        { "section 五 names no measure", "2021", 5, "一是公开内容不够丰富。二是解读形式单一，群众知晓度不高。", "NO_IMPROVEMENT_MEASURE" },
        { "section 五 with measures", "2021", 5, "一是公开内容不够丰富。下一步将加强解读，完善公开目录。", "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Narrative_case(string name, string template, int section, string text, string expected)
    {
        var version = TemplateNames.Parse(template)!.Value;
        var result = ReportPairs.Analyze(name + ".txt", new ReportBuilder(version, version == TemplateVersion.V2019 ? 2020 : 2023).WithSectionText(section, text));
        var codes = result.Findings.Select(f => f.Code).Where(NarrativeCodes.Contains).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList(), codes);
        Assert.All(result.Findings.Where(f => NarrativeCodes.Contains(f.Code)), f => Assert.Matches("[\u4e00-\u9fff]{8}", f.Message));
    }

    [Fact]
    public void No_fee_arose_while_table_3_counts_an_unpaid_fee_notice_is_a_mismatch()
    {
        var b = new ReportBuilder().WithSectionText(6, "本年度未产生信息处理费。");
        foreach (var row in new[] { "other_no_fee", "results_total", "new_received" })
        {
            b.Bump($"t3.{row}.natural", 1).Bump($"t3.{row}.total", 1);
        }

        var result = ReportPairs.Analyze("fee.txt", b);
        var f = Assert.Single(result.Findings, f => f.Code == FindingCodes.NarrativeMismatch);
        Assert.Equal(["t3.other_no_fee.total"], f.Cells);
        Assert.Contains("收费通知", f.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Findings, x => x.Severity == Severity.Error);

        // 未收取 (not collected) is consistent with a notice the applicant did not pay.
        var notCollected = ReportPairs.Analyze("fee2.txt", b.WithSectionText(6, "本年度未收取信息处理费。"));
        Assert.DoesNotContain(notCollected.Findings, x => x.Code == FindingCodes.NarrativeMismatch);
    }

    [Fact]
    public void A_fee_charged_without_any_application_is_a_mismatch()
    {
        var b = new ReportBuilder().WithSectionText(6, "本年度共收取信息处理费200元。");
        foreach (var key in b.Cells.Keys.Where(k => k.StartsWith("t3.", StringComparison.Ordinal)).ToList())
        {
            b.With(key, "0");
        }

        var f = Assert.Single(ReportPairs.Analyze("fee.txt", b).Findings, f => f.Code == FindingCodes.NarrativeMismatch);
        Assert.Equal(200, f.Actual);
    }

    [Fact]
    public void Narrative_sections_are_stored_without_their_heading_and_bounded()
    {
        var longText = string.Concat(Enumerable.Repeat("本机关持续加强政府信息公开平台建设。", 1000));
        var result = ReportPairs.Analyze("long.txt", new ReportBuilder().WithSectionText(1, longText).WithSectionText(6, "本年度未收取信息处理费。"));
        var one = result.Narrative!.Single(n => n.Section == 1);
        Assert.Equal(NarrativeText.MaxChars, one.Text.Length);
        Assert.True(one.Truncated);
        Assert.Equal("本年度未收取信息处理费。", result.Narrative!.Single(n => n.Section == 6).Text);
        Assert.Equal([1, 5, 6], result.Narrative!.Select(n => n.Section).ToList());
    }
}
