using BenchmarkDotNet.Attributes;
using Disclosure.Core.Comparison;
using Disclosure.Core.Contract;
using Disclosure.Core.Engine;
using TextReader = Disclosure.Readers.Text.TextReader;

namespace Disclosure.Benchmarks;

/// <summary>
/// What the year-over-year comparison adds to one report on arrival (and to `check --previous`): the cross-year figures and
/// the copied-text shares of seed 004 (a real 2023 report, narrative about 1,250 characters) against itself with the year
/// moved on (every sentence copied: the most matching work) and against seed 001 (nothing copied). Goal: a few ms.
/// `dotnet run -c Release --project tests/Disclosure.Benchmarks -- --filter '*YearOverYear*' --job short`
/// </summary>
[MemoryDiagnoser]
public class YearOverYearBenchmarks
{
    private ReportResult _last = null!;
    private ReportResult _copied = null!;
    private ReportResult _other = null!;

    [GlobalSetup]
    public void Setup()
    {
        var seeds = Disclosure.Testing.RepoPaths.Seeds;
        var engine = new ReportEngine([new TextReader()]);
        var text = File.ReadAllText(Path.Combine(seeds, "004_cbc979190ed8f941.txt"));
        _last = engine.AnalyzeAsync("2023.txt", System.Text.Encoding.UTF8.GetBytes(text)).GetAwaiter().GetResult();
        _copied = engine.AnalyzeAsync("2024.txt", System.Text.Encoding.UTF8.GetBytes(text.Replace("2023", "2024", StringComparison.Ordinal))).GetAwaiter().GetResult();
        _other = engine.AnalyzeAsync("001.txt", File.ReadAllBytes(Path.Combine(seeds, "001_f6b3b7a6d887a97c.txt"))).GetAwaiter().GetResult();
    }

    [Benchmark]
    public ReportResult Compare_copied_year() => YearOverYearComparer.Apply(_copied, _last);

    [Benchmark]
    public ReportResult Compare_unrelated_report() => YearOverYearComparer.Apply(_other, _last);
}
