using Disclosure.Core.Comparison;
using Disclosure.Core.Contract;
using Disclosure.Tests.Support;
using Xunit.Abstractions;

namespace Disclosure.Tests.YearOverYear;

public sealed class TextReuseTests(ITestOutputHelper output)
{
    [Fact]
    public void A_copied_year_with_only_the_figures_changed_is_copied_text()
    {
        var last = ReportPairs.Seed004();
        var current = YearOverYearComparer.Apply(ReportPairs.Analyze("2024.txt", ReportPairs.Copied2024()), last);

        var sections = current.YearOverYear!.Sections.ToDictionary(s => s.Section);
        Assert.Equal(1.0, sections[1].Share);
        Assert.Equal(1.0, sections[5].Share);
        var copied = current.Findings.Where(f => f.Code == FindingCodes.CopiedText).ToList();
        Assert.Equal(2, copied.Count); // 一 and 五; 六 is one fee sentence, too short to call copied
        Assert.All(copied, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.Contains("总体情况", copied[0].Message, StringComparison.Ordinal);
        Assert.Contains("门户网站累计主动公开政府信息", copied[0].Message + copied[0].Detail, StringComparison.Ordinal);
        Assert.Single(current.Findings, f => f.Code == FindingCodes.TextReuse && f.Severity == Severity.Info);
        Assert.Equal(ResultStatus.Findings, current.Status);
        Assert.Equal(last.Source.Sha256, current.YearOverYear.PreviousSha256);
    }

    [Fact]
    public void A_rewritten_year_is_not_copied_but_gets_its_figure()
    {
        var current = YearOverYearComparer.Apply(ReportPairs.Analyze("2024.txt", ReportPairs.Rewritten2024()), ReportPairs.Seed004());

        var shares = current.YearOverYear!.Sections.ToDictionary(s => s.Section, s => s.Share);
        output.WriteLine(string.Join(", ", shares.Select(kv => $"{kv.Key}: {kv.Value:0.00}")));
        Assert.DoesNotContain(current.Findings, f => f.Code == FindingCodes.CopiedText);
        Assert.InRange(shares[1], 0.01, TextReuse.CopiedShare - 0.2); // the one kept platform sentence shows
        Assert.Equal(0, shares[5]);
        var figure = Assert.Single(current.Findings, f => f.Code == FindingCodes.TextReuse);
        Assert.Contains("总体情况", figure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_agencies_real_reports_share_almost_nothing()
    {
        // The noise floor the threshold is chosen above: every ordered pair of the five real seeds.
        var seeds = Directory.GetFiles(RepoPaths.Seeds, "*.txt").Order(StringComparer.Ordinal).Select(f => ReportPairs.Seed(Path.GetFileName(f))).ToList();
        var max = 0.0;
        foreach (var a in seeds)
        {
            foreach (var b in seeds.Where(b => !ReferenceEquals(a, b)))
            {
                foreach (var s in TextReuse.Compare(a.Narrative!, b.Narrative!))
                {
                    max = Math.Max(max, s.Share);
                }
            }
        }

        output.WriteLine($"max cross-agency share {max:0.000}");
        Assert.True(max <= 0.1, $"max {max}");
    }

    [Fact]
    public void Template_boilerplate_and_the_standard_opening_never_count()
    {
        var text = "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，特编制本报告。\n（文字描述）\n（一）主动公开情况\n本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。";
        var sentences = NarrativeSentences.Split(text);
        Assert.All(sentences, s => Assert.False(s.Counted, s.Text));

        var reuse = TextReuse.Compare([new NarrativeText(1, text)], [new NarrativeText(1, text.Replace("2023", "2022", StringComparison.Ordinal))]);
        Assert.Equal(0, reuse[0].Chars);
        Assert.DoesNotContain(TextReuse.Findings(reuse, 2022), f => f.Code == FindingCodes.CopiedText);
    }

    [Theory]
    [InlineData("2023年全年主动公开政府信息2406条。", "2024年全年主动公开政府信息2611条。")]
    [InlineData("截止二〇二三年十二月，共办理申请7件。", "截止二〇二四年十二月，共办理申请12件。")]
    [InlineData("采购总金额843.3519万元，较上年增长12.5%。", "采购总金额1,021.4万元，较上年增长3%。")]
    public void Masking_makes_sentences_that_differ_only_in_figures_equal(string a, string b) =>
        Assert.Equal(NarrativeSentences.Key(a), NarrativeSentences.Key(b));

    [Fact]
    public void Applying_twice_gives_the_same_result()
    {
        var last = ReportPairs.Seed004();
        var once = YearOverYearComparer.Apply(ReportPairs.Analyze("2024.txt", ReportPairs.Copied2024()), last);
        var twice = YearOverYearComparer.Apply(once, last);
        Assert.Equal(ResultJson.Serialize(once), ResultJson.Serialize(twice));
    }
}
