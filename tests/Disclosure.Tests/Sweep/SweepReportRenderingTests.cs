using System.Globalization;
using System.Text.RegularExpressions;
using Disclosure.Core.Contract;
using Disclosure.Sweep;
using Disclosure.Testing.Sweep;

namespace Disclosure.Tests.Sweep;

public sealed partial class SweepReportRenderingTests
{
    private static readonly DateTimeOffset GeneratedAt = new(2024, 4, 1, 1, 0, 0, TimeSpan.Zero);

    private static SweepOutcome Outcome(int agencies = 320)
    {
        var s = SweepScenario.Generate(agencies);
        return SweepCalculator.Compute(new SweepInput(s.Year, s.Registry, s.ThisYear, s.LastYear, DeadlinePolicy.Default));
    }

    [Fact]
    public void Html_is_self_contained()
    {
        var html = SweepHtmlRenderer.Render(Outcome(), GeneratedAt);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        // The only URL is the SVG namespace, which is never fetched.
        Assert.All(UrlPattern().Matches(html).Select(m => m.Value), u => Assert.Equal("http://www.w3.org/2000/svg", u));
    }

    [Fact]
    public void Charts_carry_the_summary_figures()
    {
        var outcome = Outcome();
        var s = outcome.Summary;
        var html = SweepHtmlRenderer.Render(outcome, GeneratedAt);
        foreach (var (region, c) in s.Regions)
        {
            Assert.Contains($"data-region=\"{region}\" data-expected=\"{c.Expected}\" data-compliant=\"{c.Compliant}\" data-late=\"{c.Late}\" data-missing=\"{c.Missing}\"", html, StringComparison.Ordinal);
        }

        foreach (var code in SweepCalculator.SweepCodes)
        {
            Assert.Contains($"class=\"finding-bar\" data-code=\"{code}\" data-count=\"{s.Flagged[code].Count}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains($"data-code=\"UNMATCHED\" data-count=\"{s.Unmatched.Count}\"", html, StringComparison.Ordinal);
        foreach (var f in s.YearOnYear)
        {
            Assert.Contains($"data-metric=\"{f.Metric}\" data-year=\"{outcome.Year}\" data-value=\"{f.ThisYear.ToString("0.##", CultureInfo.InvariantCulture)}\"", html, StringComparison.Ordinal);
            Assert.Contains($"data-metric=\"{f.Metric}\" data-year=\"{outcome.Year - 1}\" data-value=\"{f.LastYear.ToString("0.##", CultureInfo.InvariantCulture)}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains($"data-kpi=\"missing\" data-value=\"{s.Overall.Missing}\"", html, StringComparison.Ordinal);
        Assert.Equal(s.Overall.Expected - s.Overall.Compliant, Regex.Matches(html, "<tr data-agency=").Count);
    }

    [Fact]
    public void Untrusted_names_are_escaped()
    {
        var registry = new[] { new Agency("x1", "<script>alert(1)</script>局", [], "R\"&<", AgencyLevel.Department, null) };
        var reports = new[] { new StoredReportSummary { Id = "1", BlobName = "uploads/<img src=x onerror=alert(1)>.pdf", Agency = "\"><b>x</b>", PublishedAt = GeneratedAt } };
        var html = SweepHtmlRenderer.Render(SweepCalculator.Compute(new SweepInput(2023, registry, reports, [], DeadlinePolicy.Default)), GeneratedAt);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>x</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_has_one_row_per_agency_with_status()
    {
        var outcome = Outcome();
        var csv = SweepCsv.Write(outcome);
        Assert.StartsWith("\uFEFFagency_id,", csv, StringComparison.Ordinal);
        var parsed = RegistryLikeRows(csv);
        Assert.Equal(outcome.Agencies.Count, parsed.Count);
        var missing = outcome.Summary.Flagged[FindingCodes.MissingReport];
        Assert.Equal(missing, parsed.Where(r => r["status"] == "missing").Select(r => r["agency_id"]).Order(StringComparer.Ordinal).ToList());
        Assert.All(parsed.Where(r => r["status"] == "late"), r => Assert.True(int.Parse(r["days_late"], CultureInfo.InvariantCulture) > 0));
    }

    [Fact]
    public void Csv_neutralises_formula_injection()
    {
        var registry = new[] { new Agency("x1", "=HYPERLINK(\"http://evil\")", [], "R", AgencyLevel.Department, null) };
        var csv = SweepCsv.Write(SweepCalculator.Compute(new SweepInput(2023, registry, [], [], DeadlinePolicy.Default)));
        Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void Alerts_have_deterministic_ids_one_per_agency_and_code_plus_a_summary()
    {
        var outcome = Outcome();
        var alerts = SweepAlerts.Build(outcome);
        Assert.Equal(alerts.Count, alerts.Select(a => a.Id).Distinct().Count());
        Assert.Equal(alerts.Select(a => a.Id), SweepAlerts.Build(outcome).Select(a => a.Id));
        var expected = SweepCalculator.SweepCodes.Sum(c => outcome.Summary.Flagged[c].Count) + 1;
        Assert.Equal(expected, alerts.Count);
        Assert.Contains(alerts, a => a.Id == $"sweep-{outcome.Year}-summary" && a.Message.Contains("未发布", StringComparison.Ordinal));
        var id = outcome.Summary.Flagged[FindingCodes.MissingReport][0];
        Assert.Contains(alerts, a => a.Id == $"sweep-{outcome.Year}-MISSING_REPORT-{id}" && a.Severity == Severity.Error);
    }

    private static List<Dictionary<string, string>> RegistryLikeRows(string csv)
    {
        using var reader = CsvHelper.CsvReader.FromText(csv.TrimStart('\uFEFF'), new CsvHelper.CsvReaderOptions());
        var header = reader.Headers;
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(header.ToDictionary(h => h, h => reader.GetString(h)));
        }

        return rows;
    }

    [GeneratedRegex("https?://[^\"' )>]+")]
    private static partial Regex UrlPattern();
}
