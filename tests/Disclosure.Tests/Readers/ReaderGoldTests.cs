using System.Text;
using Disclosure.Core.Contract;
using Disclosure.Core.Engine;
using Disclosure.Readers;
using Disclosure.Readers.Text;
using Disclosure.Tests.Readers.Support;
using Disclosure.Tests.Support;

namespace Disclosure.Tests.Readers;

/// <summary>
/// The HTML and DOCX renditions of seeds 001 (2019 format) and 004 (2021 format), in the official merged layout, go
/// through the whole engine and must give the gold cells of the same seed (/work/shared/gold/*.json).
/// </summary>
public sealed class ReaderGoldTests
{
    public static TheoryData<string, string> Renditions => new()
    {
        { "001_f6b3b7a6d887a97c", "html-gbk" },
        { "001_f6b3b7a6d887a97c", "docx" },
        { "004_cbc979190ed8f941", "html-utf8-layout" },
        { "004_cbc979190ed8f941", "docx" },
    };

    internal static (string Name, byte[] Bytes) Render(string seed, string rendition)
    {
        var report = SeedReport.Load(seed, headerCells: rendition != "html-utf8-layout");
        return rendition switch
        {
            "html-gbk" => (seed + ".html", TextDecoder.Gb18030.GetBytes(HtmlRenderer.Render(report, new HtmlStyle("gbk")))),
            "html-utf8-layout" => (seed + ".html", Encoding.UTF8.GetBytes(HtmlRenderer.Render(report, new HtmlStyle("utf-8", LayoutWrapper: true, SiteChrome: true)))),
            "docx" => (seed + ".docx", DocxBuilder.FromSeed(report).Build()),
            _ => throw new ArgumentOutOfRangeException(nameof(rendition)),
        };
    }

    private static async Task<ReportResult> Analyze(string seed, string rendition)
    {
        var (name, bytes) = Render(seed, rendition);
        var engine = new ReportEngine(ReaderRegistry.CreateDefault(new ReadLimits()));
        var result = await engine.AnalyzeAsync(name, bytes);
        Assert.True(result.Status != ResultStatus.Failed, $"{name}: {result.ErrorCode} {result.Error}");
        return result;
    }

    [Theory]
    [MemberData(nameof(Renditions))]
    public async Task Rendition_gives_the_gold_cells(string seed, string rendition)
    {
        var gold = GoldFile.Load(seed);
        var result = await Analyze(seed, rendition);
        var wrong = gold.CellDifferences(result);

        Assert.True(wrong.Count == 0, $"{seed} ({rendition}): {wrong.Count} cells differ:\n" + string.Join("\n", wrong.Take(40)));
    }

    [Theory]
    [MemberData(nameof(Renditions))]
    public async Task Rendition_gives_the_gold_report_fields_and_findings(string seed, string rendition)
    {
        var gold = GoldFile.Load(seed);
        var result = await Analyze(seed, rendition);
        Assert.Equal(gold.Agency, result.Report.Agency);
        Assert.Equal(gold.Year, result.Report.Year);
        Assert.Equal(gold.Template, result.Report.Template);

        var differences = gold.FindingDifferences(result);
        Assert.True(differences.Count == 0,
            string.Join("\n", differences) + "\nfindings:\n" + string.Join("\n", result.Findings.Select(f => $"{f.Code}: {f.Message}")));
    }
}
