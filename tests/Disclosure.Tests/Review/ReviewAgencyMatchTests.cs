using System.Net;
using Disclosure.Core.Contract;
using Disclosure.Review;
using Disclosure.Sweep;
using Disclosure.Tests.Sweep;

namespace Disclosure.Tests.Review;

/// <summary>The review page shows an OCR-read agency name beside the registry name it matched, with the distance.</summary>
public sealed class ReviewAgencyMatchTests
{
    private static readonly DateTimeOffset ProcessedAt = new(2024, 4, 1, 1, 0, 0, TimeSpan.Zero);

    private static readonly AgencyNameMatcher Matcher = new(
    [
        new Agency("hz-edu", "洪泽区教育局", [], "江苏省淮安市", AgencyLevel.Department, null),
        new Agency("hz-mz", "洪泽区民政局", [], "江苏省淮安市", AgencyLevel.Department, null),
        new Agency("hz-sf", "洪泽区司法局", [], "江苏省淮安市", AgencyLevel.Department, null),
    ]);

    private static string Page(ReportResult result) => ReviewPage.Render(new ReviewInput { Result = result, ProcessedAt = ProcessedAt });

    [Fact]
    public void A_corrected_name_shows_as_read_and_as_matched_with_the_distance()
    {
        var html = Page(OcrAgencyNames.Apply(OcrAgencyNameTests.Scanned("淮安市洪浑区教育局"), Matcher, 2023));
        Assert.Contains("<dt>机关（OCR识别）</dt><dd>淮安市洪浑区教育局</dd>", html, StringComparison.Ordinal);
        Assert.Contains("data-agency-read=\"淮安市洪浑区教育局\" data-agency-matched=\"洪泽区教育局\" data-agency-distance=\"1\"", html, StringComparison.Ordinal);
        Assert.Contains("洪泽区教育局（与识别结果相差 1 字，已按2023年机关名录更正）", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tie_shows_both_registry_names_and_no_match()
    {
        var html = WebUtility.HtmlDecode(Page(OcrAgencyNames.Apply(OcrAgencyNameTests.Scanned("淮安市洪泽区民法局"), Matcher, 2023)));
        Assert.Contains("data-agency-matched=\"\" data-agency-distance=\"1\"", html, StringComparison.Ordinal);
        Assert.Contains("无法确定：2023年机关名录中洪泽区民政局、洪泽区司法局都接近，请人工核对", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scan_without_a_registry_says_so_and_a_text_layer_report_shows_the_name_only()
    {
        var scan = Page(OcrAgencyNameTests.Scanned("淮安市洪浑区教育局"));
        Assert.Contains("<dt>机关（报告所写）</dt><dd>淮安市洪浑区教育局</dd>", scan, StringComparison.Ordinal);
        Assert.Contains("未加载机关名录，按识别结果", scan, StringComparison.Ordinal);
        var text = Page(OcrAgencyNameTests.Scanned("淮安市洪泽区教育局") with { Source = new SourceInfo("a.pdf", "00", "pdf", 1, Ocr: false) });
        Assert.DoesNotContain("机关（名录匹配）", text, StringComparison.Ordinal);
    }
}
