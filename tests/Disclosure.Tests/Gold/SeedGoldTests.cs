using Disclosure.Core.Contract;
using Disclosure.Core.Engine;
using TextReader = Disclosure.Readers.Text.TextReader;
using Disclosure.Tests.Support;

namespace Disclosure.Tests.Gold;

/// <summary>Every seed report against its gold file: cells, report fields, required and forbidden findings.</summary>
public sealed class SeedGoldTests
{
    public static TheoryData<string> Seeds() => new(GoldFile.Names());

    private static async Task<ReportResult> Analyze(string name)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Seeds, name + ".txt"));
        var engine = new ReportEngine([new TextReader()]);
        return await engine.AnalyzeAsync(name + ".txt", bytes);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Cells_match_gold(string name)
    {
        var gold = GoldFile.Load(name);
        var result = await Analyze(name);
        var wrong = gold.CellDifferences(result);

        Assert.True(wrong.Count == 0, $"{wrong.Count} cells differ:\n" + string.Join("\n", wrong.Take(40)));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Report_fields_match_gold(string name)
    {
        var gold = GoldFile.Load(name);
        var result = await Analyze(name);
        Assert.Equal(gold.Agency, result.Report.Agency);
        Assert.Equal(gold.Year, result.Report.Year);
        Assert.Equal(gold.Template, result.Report.Template);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Findings_match_gold(string name)
    {
        var gold = GoldFile.Load(name);
        var result = await Analyze(name);
        var differences = gold.FindingDifferences(result);
        Assert.True(differences.Count == 0,
            string.Join("\n", differences) + "\nfindings:\n" + string.Join("\n", result.Findings.Select(f => $"{f.Code}: {f.Message}")));
    }
}
