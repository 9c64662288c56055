using Disclosure.Core.Contract;
using Disclosure.Sweep;

namespace Disclosure.Tests.YearOverYear;

/// <summary>The sweep's cross-agency 雷同: sections shared nearly word for word within a region and year.</summary>
public sealed class TextClusterTests
{
    private const string RegionA = "河南省三门峡市";
    private const string RegionB = "河南省洛阳市";

    [Fact]
    public void Agencies_of_one_region_that_share_a_section_form_a_cluster_with_the_shared_passage()
    {
        // Two counties of region A publish seed 004's section 一 with their own name and figures; a third writes its own
        // (seed 001's text); an agency of region B publishes the same shared text but is in another region.
        var shared = ReportPairs.SeedSection(1);
        var own = ReportPairs.Seed("001_f6b3b7a6d887a97c.txt").Narrative!.Single(n => n.Section == 1).Text;
        var other5 = ReportPairs.Seed("002_f50a9f7ac473722a.txt").Narrative!.Single(n => n.Section == 5).Text;
        var fives = new[] { ReportPairs.SeedSection(5), other5, ReportPairs.Seed("003_1d7a0b9061a21572.txt").Narrative!.Single(n => n.Section == 5).Text, other5 + "补" };
        var agencies = new[]
        {
            (Id: "a1", Name: "甲县人民政府", Region: RegionA, One: shared.Replace("三门峡经济开发区", "甲县", StringComparison.Ordinal)),
            (Id: "a2", Name: "乙县人民政府", Region: RegionA, One: ReportPairs.FiguresChanged(shared.Replace("三门峡经济开发区", "乙县", StringComparison.Ordinal))),
            (Id: "a3", Name: "丙县人民政府", Region: RegionA, One: own),
            (Id: "b1", Name: "丁县人民政府", Region: RegionB, One: shared),
        };
        var registry = agencies.Select(a => new Agency(a.Id, a.Name, [], a.Region, AgencyLevel.Government, null)).ToList();
        var reports = agencies.Select((a, i) => new StoredReportSummary
        {
            Id = a.Id,
            BlobName = $"2023/{a.Id}/report.pdf",
            Agency = a.Name,
            Year = 2023,
            PublishedAt = new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.FromHours(8)),
            Narrative = [new NarrativeText(1, a.One), new NarrativeText(5, fives[i]), new NarrativeText(6, "本年度未收取信息处理费。")],
        }).ToList();

        var outcome = SweepCalculator.Compute(new SweepInput(2023, registry, reports, [], DeadlinePolicy.Default));

        // Section 一 in region A: a1 + a2. Section 五: b1 (region B) shares 002's text with a2 (region A): not a cluster.
        var cluster = Assert.Single(outcome.Summary.TextClusters);
        Assert.Equal(RegionA, cluster.Region);
        Assert.Equal(1, cluster.Section);
        Assert.Equal(["a1", "a2"], cluster.Agencies.Select(a => a.AgencyId).ToList());
        Assert.Contains("门户网站累计主动公开政府信息", cluster.Passage, StringComparison.Ordinal);
        Assert.Equal("T1", cluster.Id);

        var csv = SweepCsv.Write(outcome);
        Assert.Contains("text_clusters", csv, StringComparison.Ordinal);
        Assert.Contains("T1:一", csv, StringComparison.Ordinal);
        var html = SweepHtmlRenderer.Render(outcome, DateTimeOffset.UnixEpoch);
        Assert.Contains("data-cluster=\"T1\"", html, StringComparison.Ordinal);
        Assert.Contains("甲县人民政府", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_that_only_share_template_text_or_are_short_never_cluster()
    {
        const string Template = "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，特编制本报告。\n（文字描述）\n本年度未收取信息处理费。";
        var registry = Enumerable.Range(0, 5).Select(i => new Agency($"x{i}", $"县{i}", [], RegionA, AgencyLevel.Department, null)).ToList();
        var reports = registry.Select(a => new StoredReportSummary
        {
            Id = a.Id,
            BlobName = $"2023/{a.Id}/r.txt",
            Agency = a.Name,
            Year = 2023,
            Narrative = [new NarrativeText(1, Template), new NarrativeText(6, Template)],
        }).ToList();

        var outcome = SweepCalculator.Compute(new SweepInput(2023, registry, reports, [], DeadlinePolicy.Default));
        Assert.Empty(outcome.Summary.TextClusters);
    }
}
