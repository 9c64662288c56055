using BenchmarkDotNet.Attributes;
using Disclosure.Core.Engine;
using Disclosure.Readers;
using Disclosure.Review;

namespace Disclosure.Benchmarks;

/// <summary>
/// Review-page generation, pure (result + layout in, HTML out; the narrative figures re-read from the layout), without
/// crops: a consistent 2021-format seed, a 2019-format seed with a column left out, and a report with an arithmetic error.
/// Goal: ≤ 20 ms per report.
/// `dotnet run -c Release --project tests/Disclosure.Benchmarks -- --filter '*ReviewPageBenchmarks*'`
/// </summary>
[MemoryDiagnoser]
public class ReviewPageBenchmarks
{
    private static readonly DateTimeOffset ProcessedAt = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly Dictionary<string, ReviewInput> _inputs = [];

    [Params("seed-004", "seed-000", "gen-11-001-err")]
    public string Report { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var engine = new ReportEngine(ReaderRegistry.CreateDefault(new ReadLimits()));
        var corpus = Path.Combine(ReaderBenchmarks.FindRoot(), "tests", "corpus");
        foreach (var name in new[] { "seed-004", "seed-000", "gen-11-001-err" })
        {
            var (result, layout) = engine.AnalyzeWithLayoutAsync(name + ".html", File.ReadAllBytes(Path.Combine(corpus, name + ".html"))).GetAwaiter().GetResult();
            _inputs[name] = new ReviewInput { Result = result, Layout = layout, ProcessedAt = ProcessedAt };
        }
    }

    [Benchmark]
    public int Render() => ReviewPage.Render(_inputs[Report]).Length;

    [Benchmark]
    public int Render_without_layout() => ReviewPage.Render(_inputs[Report] with { Layout = null }).Length;

    /// <summary>The findings and cell marks alone (what the alert also needs).</summary>
    [Benchmark]
    public int Marks() => CellMarks.Of(_inputs[Report].Result).Marked.Count();

}
