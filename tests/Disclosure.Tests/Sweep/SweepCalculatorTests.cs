using System.Text.Json;
using Disclosure.Core.Contract;
using Disclosure.Sweep;

namespace Disclosure.Tests.Sweep;

public sealed class SweepCalculatorTests
{
    public static IEnumerable<object[]> Cases => SweepTestData.CaseNames();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rule_case_flags_exactly_the_expected_agencies(string name)
    {
        var c = SweepTestData.Case(name);
        var year = c.GetProperty("year").GetInt32();
        var outcome = SweepCalculator.Compute(new SweepInput(
            year,
            SweepTestData.Registry(),
            SweepTestData.Reports(c.GetProperty("thisYear"), year),
            SweepTestData.Reports(c.GetProperty("lastYear"), year - 1),
            DeadlinePolicy.Default));

        var expect = c.GetProperty("expect");
        foreach (var code in SweepCalculator.SweepCodes)
        {
            var expected = expect.GetProperty(code).EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, outcome.Summary.Flagged[code]);
        }

        var unmatched = expect.GetProperty("unmatched").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(unmatched, outcome.Summary.Unmatched.Select(u => u.BlobName).ToList());

        if (expect.TryGetProperty("findings", out var findings))
        {
            foreach (var agency in findings.EnumerateObject())
            {
                var actual = outcome.Agencies.Single(a => a.Agency.Id == agency.Name).Findings.Select(SweepTestData.Render).Order(StringComparer.Ordinal).ToList();
                Assert.Equal(agency.Value.EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal).ToList(), actual);
            }
        }
    }

    [Fact]
    public void Findings_use_contract_codes_severities_and_chinese_messages()
    {
        var c = SweepTestData.Case("cross-year mismatches per column; a missing cell is not a mismatch");
        var outcome = SweepCalculator.Compute(new SweepInput(2023, SweepTestData.Registry(),
            SweepTestData.Reports(c.GetProperty("thisYear"), 2023), SweepTestData.Reports(c.GetProperty("lastYear"), 2022), DeadlinePolicy.Default));
        var all = outcome.Agencies.SelectMany(a => a.Findings).ToList();
        Assert.NotEmpty(all);
        Assert.All(all, f =>
        {
            Assert.Equal(FindingCodes.Severities[f.Code], f.Severity);
            Assert.Matches("[\u4e00-\u9fff]", f.Message);
        });
        var carry = all.First(f => f.Code == FindingCodes.CarryoverMismatch);
        Assert.Contains("上年结转", carry.Message);
        Assert.Contains("结转下年度", carry.Message);
    }

    [Fact]
    public void Late_is_judged_on_the_first_publication_and_figures_on_the_latest()
    {
        var registry = SweepTestData.Registry();
        var reports = new List<StoredReportSummary>
        {
            new() { Id = "a", BlobName = "first.pdf", Agency = "淮安市教育局", PublishedAt = SweepTestData.ParsePublished("2024-01-20"), Cells = new Dictionary<string, decimal?> { ["t3.carried_over.total"] = 9 } },
            new() { Id = "b", BlobName = "fix.pdf", Agency = "淮安市教育局", PublishedAt = SweepTestData.ParsePublished("2024-02-20"), Cells = new Dictionary<string, decimal?> { ["t3.carried_over.total"] = 1 } },
        };
        var last = new List<StoredReportSummary>
        {
            new() { Id = "c", BlobName = "old.pdf", Agency = "淮安市教育局", PublishedAt = SweepTestData.ParsePublished("2023-01-20"), Cells = new Dictionary<string, decimal?> { ["t3.carried_forward.total"] = 1 } },
        };
        var outcome = SweepCalculator.Compute(new SweepInput(2023, registry, reports, last, DeadlinePolicy.Default));
        var status = outcome.Agencies.Single(a => a.Agency.Id == "ha-edu");
        Assert.Equal(AgencyState.Compliant, status.State);
        Assert.Equal("fix.pdf", status.Report!.BlobName);
        Assert.Equal(2, status.ReportCount);
    }

    [Fact]
    public void Open_errors_outdated_formats_and_year_on_year_are_counted()
    {
        var registry = SweepTestData.Registry();
        var error = new Finding(FindingCodes.T3Balance, Severity.Error, "表三不平衡", ["t3.results_total.total"], 5, 4);
        var outdated = new Finding(FindingCodes.TemplateOutdated, Severity.Warning, "使用2019年模板", []);
        var reports = new List<StoredReportSummary>
        {
            new() { Id = "a", BlobName = "a.pdf", Agency = "淮安市教育局", PublishedAt = SweepTestData.ParsePublished("2024-01-20"), Findings = [error, outdated],
                Cells = new Dictionary<string, decimal?> { ["t3.new_received.total"] = 12, ["t3.granted.total"] = 5, ["t3.denied_third_party.total"] = 2, ["t3.denied_inquiry.total"] = 1 } },
            new() { Id = "b", BlobName = "b.pdf", Agency = "洪泽区教育局", PublishedAt = SweepTestData.ParsePublished("2024-01-20"), Status = ResultStatus.Failed },
        };
        var last = new List<StoredReportSummary>
        {
            new() { Id = "c", BlobName = "c.pdf", Agency = "淮安市教育局", PublishedAt = SweepTestData.ParsePublished("2023-01-20"),
                Cells = new Dictionary<string, decimal?> { ["t3.new_received.total"] = 10, ["t3.granted.total"] = 4, ["t3.denied_state_secret.total"] = 1 } },
        };
        var s = SweepCalculator.Compute(new SweepInput(2023, registry, reports, last, DeadlinePolicy.Default)).Summary;
        Assert.Equal(2, s.Overall.WithOpenErrors);
        Assert.Equal(1, s.Overall.TemplateOutdated);
        Assert.Equal(1, s.FindingsByType[FindingCodes.T3Balance]);
        Assert.Equal(1, s.FindingsByType[FindingCodes.TemplateOutdated]);
        Assert.Equal(2, s.FindingsByType[FindingCodes.MissingReport]);
        var received = s.YearOnYear.Single(f => f.Metric == "new_received");
        Assert.Equal((10m, 12m), (received.LastYear, received.ThisYear));
        var denied = s.YearOnYear.Single(f => f.Metric == "denied");
        Assert.Equal((1m, 3m), (denied.LastYear, denied.ThisYear));
        Assert.Equal(50.0m, s.Overall.ComplianceRate);
    }

    [Fact]
    public void Regions_partition_the_registry()
    {
        var outcome = SweepCalculator.Compute(new SweepInput(2023, SweepTestData.Registry(), [], [], DeadlinePolicy.Default));
        Assert.Equal(4, outcome.Summary.Regions.Values.Sum(r => r.Expected));
        Assert.Equal(4, outcome.Summary.Overall.Missing);
        Assert.Equal(0m, outcome.Summary.Overall.ComplianceRate);
        _ = JsonSerializer.Serialize(outcome.Summary, ResultJson.Options);
    }
}
