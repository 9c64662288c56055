using System.Text.RegularExpressions;
using Disclosure.Pipeline;
using Disclosure.Cli.Review;
using Disclosure.Core.Contract;
using Disclosure.Corpus;
using Disclosure.Integration.Tests.Infrastructure;
using Disclosure.Integration.Tests.Sweep;
using Disclosure.Review;

namespace Disclosure.Integration.Tests.Review;

/// <summary>
/// Review pages as a person opens them: `disclosure check --html` over real-shaped reports (a consistent text-layer PDF,
/// one with an arithmetic error, a scan of it whose cells OCR doubts, a broken file), each page rendered by headless
/// Chromium and its DOM checked: marked cells carry the right classes, every finding links to its cells and back, crops
/// are embedded, nothing is loaded from elsewhere. Fails, never skips, when Chromium, poppler or tesseract is missing.
/// </summary>
public sealed partial class ReviewPageBrowserTests
{
    [Fact]
    public async Task Review_pages_render_in_chromium_with_marked_cells_linked_findings_and_nothing_external()
    {
        var chromium = SweepReportBrowserTests.FindChromium();
        var root = EmulatorFixture.FindRepoRoot();
        var corpus = Path.Combine(root, "tests", "corpus");
        var work = Directory.CreateTempSubdirectory("review-browser-");
        try
        {
            var inputs = Directory.CreateDirectory(Path.Combine(work.FullName, "in")).FullName;
            var consistent = Copy(Path.Combine(corpus, "seed-004.pdf"), inputs);
            var errors = Copy(Path.Combine(corpus, "gen-11-001-err.pdf"), inputs);
            var scan = Path.Combine(inputs, "gen-11-001-err.scan.pdf");
            Converters.PdfToScanPdf(errors, scan, 300, 0.8, 5);
            var broken = Path.Combine(inputs, "broken.pdf");
            await File.WriteAllTextAsync(broken, "%PDF-1.7\n1 0 obj << /Type /Catalog >> truncated");

            var output = new HtmlReviewOutput(Path.Combine(work.FullName, "html"), TimeProvider.System);
            var engine = DisclosureComposition.CreateEngine();
            var results = new Dictionary<string, ReportResult>();
            foreach (var file in new[] { consistent, errors, scan, broken })
            {
                results[file] = await output.AnalyzeAndWriteAsync(engine, file, CancellationToken.None);
            }

            var index = await output.WriteIndexAsync(CancellationToken.None);
            var doms = new Dictionary<string, string>();
            foreach (var (file, result) in results)
            {
                var page = Path.Combine(output.Directory, HtmlReviewOutput.PageFileName(result));
                var dom = await SweepReportBrowserTests.RunChromiumAsync(chromium, work.FullName, ["--dump-dom", new Uri(page).AbsoluteUri]);
                AssertSelfContained(dom);
                AssertFindingsAndCellsLinked(dom, result);
                doms[file] = dom;
            }

            // Consistent report: no error anywhere, no red cell.
            Assert.DoesNotContain(results[consistent].Findings, f => f.Severity == Severity.Error);
            Assert.DoesNotContain("class=\"c m-error\"", doms[consistent], StringComparison.Ordinal);
            Assert.Matches("<td class=\"c\" id=\"c-t3-new_received-total\" data-key=\"t3.new_received.total\">\\d+</td>", doms[consistent]);

            // Arithmetic error: the planted cell is red, the sum is worked, and a crop of the PDF page outlines the cell.
            var dom2 = doms[errors];
            Assert.Contains("<td class=\"c m-error\" id=\"c-t4-suit_after_review-total\"", dom2);
            Assert.Matches("<p class=\"sum\">[\\d +]+ = \\d+，表中填报 \\d+</p>", dom2);
            var crop = Regex.Match(dom2, "<figure class=\"crop\" id=\"crop-c-t4-suit_after_review-total\"[^>]*>.*?</figure>", RegexOptions.Singleline);
            Assert.True(crop.Success, "no crop beside the planted cell");
            Assert.Matches("<img src=\"data:image/png;base64,[A-Za-z0-9+/=]{200,}\"", crop.Value);
            Assert.Contains("class=\"box\"", crop.Value);

            // Scan: OCR'd, its doubtful cells amber, with crops from the page images.
            Assert.True(results[scan].Source.Ocr);
            Assert.Matches("<td class=\"c m-doubtful\" id=\"c-t4-", doms[scan]);
            Assert.Matches("<figure class=\"crop\" id=\"crop-c-t4-[^\"]+\"[^>]*><a class=\"shot\"", doms[scan]);

            // Failed document: the reason, no table.
            Assert.Equal(ResultStatus.Failed, results[broken].Status);
            Assert.Contains("id=\"failure\"", doms[broken]);
            Assert.DoesNotContain("class=\"official\"", doms[broken]);

            // Index: one row per report, each linking to its page; the sorter is the only (inline) script.
            var indexDom = await SweepReportBrowserTests.RunChromiumAsync(chromium, work.FullName, ["--dump-dom", index.AbsoluteUri]);
            foreach (var result in results.Values)
            {
                Assert.Contains($"href=\"{HtmlReviewOutput.PageFileName(result)}\"", indexDom);
            }

            Assert.Equal(4, Regex.Count(indexDom, "<tr data-status="));
            Assert.DoesNotMatch("<script[^>]+src=", indexDom);

            var screenshot = Path.Combine(work.FullName, "review.png");
            var errorsPage = new Uri(Path.Combine(output.Directory, HtmlReviewOutput.PageFileName(results[errors]))).AbsoluteUri;
            await SweepReportBrowserTests.RunChromiumAsync(chromium, work.FullName, [$"--screenshot={screenshot}", "--window-size=1280,2600", "--hide-scrollbars", errorsPage]);
            var png = await File.ReadAllBytesAsync(screenshot);
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
            Directory.CreateDirectory(Path.Combine(root, ".artifacts"));
            File.Copy(screenshot, Path.Combine(root, ".artifacts", "review-page.png"), overwrite: true);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Every finding names its cells by link, each of those cells exists and links back to the finding.</summary>
    private static void AssertFindingsAndCellsLinked(string dom, ReportResult result)
    {
        var findings = FindingItem().Matches(dom);
        Assert.Equal(result.Findings.Count, findings.Count);
        foreach (Match f in findings)
        {
            var id = f.Groups["id"].Value;
            foreach (var key in f.Groups["cells"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var cellId = "c-" + key.Replace('.', '-');
                var td = Regex.Match(dom, $"<td[^>]* id=\"{Regex.Escape(cellId)}\"[^>]*>");
                Assert.True(td.Success, $"finding {id} names {key}, which is not on the page");
                Assert.Matches($"data-findings=\"[^\"]*\\b{id}\\b", td.Value);
                Assert.Contains($"href=\"#{cellId}\"", f.Value);
            }
        }
    }

    private static void AssertSelfContained(string dom)
    {
        Assert.DoesNotContain("<script", dom, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", dom, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Content-Security-Policy", dom);
        foreach (Match m in UrlAttribute().Matches(dom))
        {
            var url = m.Groups["url"].Value;
            Assert.True(url.StartsWith('#') || url.StartsWith("data:image/png;base64,", StringComparison.Ordinal) || url == HtmlReviewOutput.IndexFile,
                $"the page refers to {url[..Math.Min(url.Length, 80)]}");
        }
    }

    private static string Copy(string file, string dir)
    {
        var target = Path.Combine(dir, Path.GetFileName(file));
        File.Copy(file, target);
        return target;
    }

    [GeneratedRegex("<li class=\"finding[^\"]*\" id=\"(?<id>f-\\d+)\"[^>]*data-cells=\"(?<cells>[^\"]*)\".*?</li>\\s*(?=<li class=\"finding|</ol>)", RegexOptions.Singleline)]
    private static partial Regex FindingItem();

    [GeneratedRegex("\\s(?:src|href|srcset|action|poster)=\"(?<url>[^\"]*)\"")]
    private static partial Regex UrlAttribute();
}
