using System.Net;
using Disclosure.Sweep;
using Disclosure.Testing.Sweep;

namespace Disclosure.Tests.Review;

/// <summary>The sweep's HTML report links each flagged agency's report to its review page.</summary>
public sealed class SweepReviewLinkTests
{
    private static readonly DateTimeOffset GeneratedAt = new(2024, 4, 1, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Flagged_agencies_link_to_their_reports_pages_with_the_link_escaped()
    {
        var s = SweepScenario.Generate(120);
        var outcome = SweepCalculator.Compute(new SweepInput(s.Year, s.Registry, s.ThisYear, s.LastYear, DeadlinePolicy.Default));
        var reported = outcome.Agencies.Where(a => a.Findings.Count > 0 && a.Report is not null).ToList();
        Assert.NotEmpty(reported);
        var links = reported.ToDictionary(a => a.Report!.Id, a => $"http://127.0.0.1:10000/devstoreaccount1/review-pages/{a.Report!.Id}-x.html?sv=2025-01-05&sp=r&sig=abc");

        var html = SweepHtmlRenderer.Render(outcome, GeneratedAt, links);
        foreach (var (id, link) in links)
        {
            Assert.Contains($"<a class=\"review\" data-report=\"{id}\" href=\"{WebUtility.HtmlEncode(link)}\">审阅页（表格与问题）</a>", html);
        }

        Assert.Contains("&amp;sp=r&amp;sig=abc", html);
        Assert.DoesNotContain("class=\"review\"", SweepHtmlRenderer.Render(outcome, GeneratedAt));
    }
}
