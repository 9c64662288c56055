using System.Text.RegularExpressions;
using Disclosure.Core.Contract;
using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Disclosure.Ocr.Crops;
using Disclosure.Ocr.Local;
using Disclosure.Pipeline.Review;
using Disclosure.Readers;
using Disclosure.Review;
using Disclosure.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Disclosure.Tests.Review;

/// <summary>The pure review page on real reports (the seeds, committed corpus renditions): what an officer reads on it.</summary>
public sealed partial class ReviewPageTests
{
    private static readonly DateTimeOffset ProcessedAt = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly ReportEngine Engine = new(ReaderRegistry.CreateDefault(new ReadLimits()));

    private static string Corpus(string name) => Path.Combine(RepoPaths.Root, "tests", "corpus", name);

    private static async Task<(ReportResult Result, LayoutDocument? Layout)> ReadAsync(string path) =>
        await Engine.AnalyzeWithLayoutAsync(Path.GetFileName(path), await File.ReadAllBytesAsync(path));

    private static string Render(ReportResult result, LayoutDocument? layout) =>
        ReviewPage.Render(new ReviewInput { Result = result, Layout = layout, ProcessedAt = ProcessedAt });

    /// <summary>What a person reads: text nodes only, without tags and attribute values.</summary>
    private static string VisibleText(string html) => Tags().Replace(StyleBlock().Replace(html, ""), " ");

    [Fact]
    public async Task Seed_pages_name_every_cell_officially_and_never_show_a_key()
    {
        foreach (var seed in Directory.GetFiles(RepoPaths.Seeds, "*.txt"))
        {
            var (result, layout) = await ReadAsync(seed);
            var html = Render(result, layout);
            var text = VisibleText(html);
            Assert.DoesNotMatch(@"\bt[234]\.[a-z_]+\.[a-z_]+\b", text);
            Assert.Contains("处理时间 2026-12-01 16:00:00（北京时间）", text);
            Assert.Contains(result.Source.Sha256, text);
            Assert.Equal(html, Render(result, layout)); // pure: same input, same page
            foreach (var key in result.Cells.Keys)
            {
                Assert.Contains($"id=\"c-{key.Replace('.', '-')}\"", html);
            }

            foreach (var (finding, i) in CellMarks.Of(result).Findings.Select((f, i) => (f, i)))
            {
                Assert.Contains($"id=\"f-{i + 1}\" data-code=\"{finding.Code}\"", html);
            }
        }
    }

    [Fact]
    public async Task A_table_left_out_is_hatched_and_named_as_the_template_names_it()
    {
        // A report whose table 3 lacks the 其他 column under 法人或其他组织: those cells are absent, drawn hatched in the official layout.
        var (read, layout) = await ReadAsync(Corpus("seed-004.html"));
        var result = read with { Cells = read.Cells.Where(c => !c.Key.EndsWith(".other_org", StringComparison.Ordinal)).ToDictionary() };
        var html = Render(result, layout);
        Assert.Contains("<td class=\"c m-absent\" id=\"c-t3-granted-other_org\" data-key=\"t3.granted.other_org\" data-mark=\"absent\">", html);
        Assert.Contains("<span class=\"ico\" aria-hidden=\"true\">▨</span>缺", html);
        Assert.Equal("表3 “（二）部分公开” 行 “自然人” 列", OfficialTables.Name("t3.partially_granted.natural"));
        Assert.Equal("表3 “（三）不予公开1.属于国家秘密” 行 “法人或其他组织—商业企业” 列", OfficialTables.Name("t3.denied_state_secret.commercial"));
        Assert.Equal("表4 “行政诉讼 复议后起诉” 下 “总计” 列", OfficialTables.Name("t4.suit_after_review.total"));
    }

    [Fact]
    public async Task Arithmetic_errors_are_marked_red_with_a_worked_sum()
    {
        var (result, layout) = await ReadAsync(Corpus("gen-11-001-err.html"));
        var t4 = Assert.Single(result.Findings, f => f.Code == FindingCodes.T4Total);
        var html = Render(result, layout);
        foreach (var key in t4.Cells)
        {
            Assert.Matches($"<td class=\"c m-error\" id=\"c-{Regex.Escape(key.Replace('.', '-'))}\"", html);
        }

        var parts = t4.Cells.Where(k => !k.EndsWith(".total", StringComparison.Ordinal)).Select(k => CellMarks.Number(result.Cells[k]!.Value));
        Assert.Contains($"{string.Join(" + ", parts)} = {CellMarks.Number(t4.Expected!.Value)}，表中填报 {CellMarks.Number(t4.Actual!.Value)}", html);
        Assert.Contains("<span class=\"badge\">✖ 错误</span>", html); // the severity is a word and an icon, never colour alone
        Assert.Contains("data-status=\"findings\"", html);
    }

    [Fact]
    public async Task Narrative_figures_are_shown_with_the_table_values_they_were_compared_with()
    {
        var (result, layout) = await ReadAsync(Path.Combine(RepoPaths.Seeds, "004_cbc979190ed8f941.txt"));
        var html = Render(result, layout);
        Assert.Matches("<tr data-topic=\"applications\">.*?表3 “一、本年新收” 总计 = \\d+", html);
        Assert.Contains("✔ 一致", html);
    }

    [Fact]
    public async Task A_failed_document_says_why_and_draws_no_table()
    {
        var result = await Engine.AnalyzeAsync("broken.docx", "PK\u0003\u0004 not really a zip"u8.ToArray());
        Assert.Equal(ResultStatus.Failed, result.Status);
        var html = Render(result, null);
        Assert.Contains("id=\"failure\"", html);
        Assert.Contains(result.ErrorCode!, html);
        Assert.DoesNotContain("<table class=\"official\"", html);
        Assert.Contains("data-status=\"failed\"", html);
    }

    [Fact]
    public async Task The_page_is_self_contained_and_escapes_what_the_report_says()
    {
        var (result, layout) = await ReadAsync(Corpus("gen-11-001-err.html"));
        result = result with { Report = result.Report with { Agency = "<img src=x onerror=alert(1)>某局" } };
        var html = ReviewPage.Render(new ReviewInput
        {
            Result = result,
            Layout = layout,
            ProcessedAt = ProcessedAt,
            Crops = new CellCrops(new Dictionary<string, CellCrop> { ["t4.suit_after_review.total"] = new([1, 2, 3], 10, 10, 2, 2, 5, 5) { Page = 2 } }),
        });
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;某局", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        foreach (Match m in UrlAttributes().Matches(html))
        {
            var url = m.Groups["url"].Value;
            Assert.True(url.StartsWith('#') || url.StartsWith("data:image/png;base64,", StringComparison.Ordinal), $"external reference {url}");
        }

        Assert.Contains("src=\"data:image/png;base64,AQID\"", html);
        Assert.DoesNotMatch(@"url\((?!data:)", html);
    }

    [Fact]
    public async Task Crops_that_cannot_be_made_are_explained_on_the_page()
    {
        var (result, layout) = await ReadAsync(Corpus("gen-11-001-err.html"));
        result = result with { Source = result.Source with { Format = "pdf" } };
        var html = ReviewPage.Render(new ReviewInput { Result = result, Layout = layout, ProcessedAt = ProcessedAt, Crops = CellCrops.None("pdftoppm 未安装") });
        Assert.Contains("data-crops=\"unavailable\">无法提供原件截图：pdftoppm 未安装", html);
    }

    [Fact]
    public void Every_key_of_both_formats_has_an_official_name()
    {
        foreach (var key in CanonicalKeys.All(TemplateVersion.V2019).Concat(CanonicalKeys.All(TemplateVersion.V2021)))
        {
            Assert.StartsWith($"表{key[1]} “", OfficialTables.Name(key));
        }
    }

    [Fact]
    public async Task The_index_lists_every_report_with_its_link_status_and_counts()
    {
        var entries = new List<ReviewIndexEntry>();
        foreach (var file in new[] { Corpus("gen-11-001-err.html"), Corpus("seed-004.html") })
        {
            var (result, _) = await ReadAsync(file);
            entries.Add(new ReviewIndexEntry(result, Path.GetFileName(file) + ".review.html"));
        }

        var html = ReviewIndex.Render(entries, ProcessedAt);
        Assert.Equal(2, Regex.Count(html, "<tr data-status="));
        Assert.Contains("href=\"gen-11-001-err.html.review.html\"", html);
        Assert.Contains("<button type=\"button\" data-col=\"3\" data-type=\"num\">✖ 错误</button>", html);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("8")]
    [InlineData("seven")]
    [InlineData("-1")]
    public void Link_days_outside_one_to_seven_stop_the_start(string days)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Review:LinkDays"] = days }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => ReviewPageOptions.From(config));
        Assert.Contains("Review__LinkDays", error.Message);
    }

    [Fact]
    public void Link_days_and_container_are_read_from_settings()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Review:LinkDays"] = "3", ["Review:Container"] = "pages-x" }).Build();
        Assert.Equal(new ReviewPageOptions { LinkDays = 3, Container = "pages-x" }, ReviewPageOptions.From(config));
        Assert.Throws<InvalidOperationException>(() => ReviewPageOptions.From(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Review:Container"] = "Bad_Name" }).Build()));
    }

    [Fact]
    public void Crops_are_grey_pngs_that_decode_back_to_their_pixels()
    {
        var pixels = Enumerable.Range(0, 37 * 11).Select(i => (byte)(i * 7)).ToArray();
        var png = GrayPng.Encode(new Disclosure.Ocr.Raster.GrayImage(37, 11, pixels));
        var back = RasterCleaner.ReadPng(png);
        Assert.NotNull(back);
        Assert.Equal((37, 11), (back.Width, back.Height));
        Assert.Equal(pixels, back.Pixels);
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex("<style>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex StyleBlock();

    [GeneratedRegex("\\s(?:src|href)=\"(?<url>[^\"]*)\"")]
    private static partial Regex UrlAttributes();
}
