using System.Text;
using System.Text.Json;
using Disclosure.Core.Contract;
using Disclosure.Core.Engine;
using Disclosure.Readers;
using Disclosure.Readers.Text;
using Disclosure.Tests.Readers.Support;

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

    [Theory]
    [MemberData(nameof(Renditions))]
    public async Task Rendition_gives_the_gold_cells(string seed, string rendition)
    {
        var (name, bytes) = Render(seed, rendition);
        var engine = new ReportEngine(ReaderRegistry.CreateDefault(new ReadLimits()));
        var result = await engine.AnalyzeAsync(name, bytes);
        Assert.True(result.Status != ResultStatus.Failed, $"{name}: {result.ErrorCode} {result.Error}");

        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Gold, seed + ".json")));
        var ignore = gold.RootElement.TryGetProperty("ignore", out var ig)
            ? ig.EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [];

        var wrong = new List<string>();
        foreach (var cell in gold.RootElement.GetProperty("cells").EnumerateObject())
        {
            if (ignore.Contains(cell.Name))
            {
                continue;
            }

            decimal? expected = cell.Value.ValueKind == JsonValueKind.Null ? null : cell.Value.GetDecimal();
            var actual = result.Cells.TryGetValue(cell.Name, out var v) ? v : null;
            if (expected != actual)
            {
                wrong.Add($"{cell.Name}: expected {expected?.ToString() ?? "null"}, got {(result.Cells.ContainsKey(cell.Name) ? actual?.ToString() ?? "null" : "missing")}");
            }
        }

        Assert.True(wrong.Count == 0, $"{name} ({rendition}): {wrong.Count} cells differ:\n" + string.Join("\n", wrong.Take(40)));

        var report = gold.RootElement.GetProperty("report");
        Assert.Equal(report.GetProperty("year").GetInt32(), result.Report.Year);
        Assert.Equal(report.GetProperty("template").GetString(), result.Report.Template);
    }
}
