using Disclosure.Core.Contract;
using Disclosure.Sweep;
using Disclosure.Testing.Sweep;

namespace Disclosure.Tests.Sweep;

/// <summary>The generated scenario (used by the integration test and the benchmark) plants cases the pure sweep finds exactly.</summary>
public sealed class SweepScenarioTests
{
    [Theory]
    [InlineData(320)]
    [InlineData(2000)]
    public void Sweep_finds_exactly_the_planted_cases(int agencies)
    {
        var scenario = SweepScenario.Generate(agencies);
        Assert.True(scenario.Registry.Count >= agencies);
        foreach (var code in SweepCalculator.SweepCodes)
        {
            Assert.NotEmpty(scenario.Planted[code]);
        }

        var outcome = SweepCalculator.Compute(new SweepInput(scenario.Year, scenario.Registry, scenario.ThisYear, scenario.LastYear, DeadlinePolicy.Default));
        foreach (var code in SweepCalculator.SweepCodes)
        {
            Assert.Equal(scenario.Planted[code], outcome.Summary.Flagged[code]);
        }

        Assert.Equal(scenario.PlantedUnmatched, outcome.Summary.Unmatched.Select(u => u.BlobName).ToList());
        Assert.Equal(scenario.Registry.Count - scenario.Planted[FindingCodes.MissingReport].Count, outcome.Summary.Overall.Reported);
    }

    [Fact]
    public void Generation_is_deterministic()
    {
        static IEnumerable<string> Fingerprint(SweepScenario s) => s.ThisYear.Concat(s.LastYear)
            .Select(r => $"{r.BlobName}|{r.Agency}|{r.PublishedAt:O}|{string.Join(',', r.Cells.Select(kv => $"{kv.Key}={kv.Value}"))}");
        Assert.Equal(Fingerprint(SweepScenario.Generate(300)), Fingerprint(SweepScenario.Generate(300)));
    }
}
