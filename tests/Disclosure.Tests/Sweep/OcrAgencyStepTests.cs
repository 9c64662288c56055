using Disclosure.Core.Contract;
using Disclosure.Pipeline.Registry;
using Disclosure.Sweep;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Disclosure.Tests.Sweep;

/// <summary>The processing step that matches OCR-read agency names against the registry of the report's year (in memory).</summary>
public sealed class OcrAgencyStepTests
{
    private static readonly Agency HzEdu = new("hz-edu", "洪泽区教育局", [], "江苏省淮安市", AgencyLevel.Department, null);

    [Fact]
    public async Task Matches_against_the_registry_of_the_reports_year()
    {
        var registry = new InMemoryRegistry { [2023] = [HzEdu] };
        var step = new OcrAgencyStep(registry, new FakeTimeProvider(), NullLogger<OcrAgencyStep>.Instance);

        var matched = await step.ApplyAsync(OcrAgencyNameTests.Scanned("淮安市洪浑区教育局", 2023), CancellationToken.None);
        Assert.Equal("淮安市洪泽区教育局", matched.Report.Agency);
        Assert.Equal(new AgencyMatch("淮安市洪浑区教育局", "洪泽区教育局", 1) { AgencyId = "hz-edu", RegistryYear = 2023 }, matched.Report.AgencyMatch);

        // 2024 has no registry: the name stays as read and no match is claimed.
        var unmatched = await step.ApplyAsync(OcrAgencyNameTests.Scanned("淮安市洪浑区教育局", 2024), CancellationToken.None);
        Assert.Equal("淮安市洪浑区教育局", unmatched.Report.Agency);
        Assert.Null(unmatched.Report.AgencyMatch);
        Assert.Equal([2023, 2024], registry.Loads);
    }

    [Fact]
    public async Task Reads_a_registry_once_per_lifetime_and_sees_an_import_after_it()
    {
        var time = new FakeTimeProvider();
        var registry = new InMemoryRegistry { [2023] = [HzEdu] };
        var step = new OcrAgencyStep(registry, time, NullLogger<OcrAgencyStep>.Instance);
        var scan = OcrAgencyNameTests.Scanned("淮安市洪泽区教育居", 2023);

        Assert.Equal("hz-edu", (await step.ApplyAsync(scan, CancellationToken.None)).Report.AgencyMatch!.AgencyId);
        registry[2023] = [HzEdu with { Id = "hz-edu-2" }];
        Assert.Equal("hz-edu", (await step.ApplyAsync(scan, CancellationToken.None)).Report.AgencyMatch!.AgencyId);
        time.Advance(OcrAgencyStep.RegistryLifetime);
        Assert.Equal("hz-edu-2", (await step.ApplyAsync(scan, CancellationToken.None)).Report.AgencyMatch!.AgencyId);
        Assert.Equal([2023, 2023], registry.Loads);
    }

    [Fact]
    public async Task Text_layer_reports_and_yearless_reports_are_not_looked_up()
    {
        var registry = new InMemoryRegistry { [2023] = [HzEdu] };
        var step = new OcrAgencyStep(registry, new FakeTimeProvider(), NullLogger<OcrAgencyStep>.Instance);
        var text = OcrAgencyNameTests.Scanned("淮安市洪浑区教育局") with { Source = new SourceInfo("a.pdf", "00", "pdf", 1, Ocr: false) };
        Assert.Same(text, await step.ApplyAsync(text, CancellationToken.None));
        var yearless = OcrAgencyNameTests.Scanned("淮安市洪浑区教育局", year: null);
        Assert.Same(yearless, await step.ApplyAsync(yearless, CancellationToken.None));
        Assert.Empty(registry.Loads);
    }

    [Fact]
    public async Task An_unreachable_registry_leaves_the_name_as_read()
    {
        var registry = new InMemoryRegistry { Fail = true };
        var step = new OcrAgencyStep(registry, new FakeTimeProvider(), NullLogger<OcrAgencyStep>.Instance);
        var scan = OcrAgencyNameTests.Scanned("淮安市洪浑区教育局", 2023);
        Assert.Same(scan, await step.ApplyAsync(scan, CancellationToken.None));
    }

    private sealed class InMemoryRegistry : Dictionary<int, IReadOnlyList<Agency>>, IRegistryStore
    {
        public List<int> Loads { get; } = [];

        public bool Fail { get; init; }

        public Task<RegistryReplaceResult> ReplaceAsync(int year, IReadOnlyList<Agency> agencies, CancellationToken cancellationToken = default)
        {
            this[year] = agencies;
            return Task.FromResult(new RegistryReplaceResult(agencies.Count, 0));
        }

        public Task<IReadOnlyList<Agency>> LoadAsync(int year, CancellationToken cancellationToken = default)
        {
            Loads.Add(year);
            return Fail
                ? Task.FromException<IReadOnlyList<Agency>>(new HttpRequestException("registry store unreachable"))
                : Task.FromResult(TryGetValue(year, out var agencies) ? agencies : (IReadOnlyList<Agency>)[]);
        }
    }
}
