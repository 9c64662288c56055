using Disclosure.Cli.Commands;
using Disclosure.Core.Contract;
using Disclosure.Sweep;

namespace Disclosure.Tests.Sweep;

/// <summary>`disclosure check FILE --registry REGISTRY`: the registry file read as `registry import` reads it, used for OCR-read names.</summary>
public sealed class CheckRegistryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("disclosure-registry-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_registry_file_matches_an_OCR_read_name()
    {
        var csv = Path.Combine(_dir, "registry.csv");
        await File.WriteAllTextAsync(csv, "id,name,aliases,region,level,parent\nhz-edu,洪泽区教育局,,江苏省淮安市,department,\n");
        var matcher = await RegistryCommand.LoadMatcherAsync(csv, CancellationToken.None);
        Assert.NotNull(matcher);
        var result = OcrAgencyNames.Apply(OcrAgencyNameTests.Scanned("淮安市洪浑区教育局"), matcher!, null);
        Assert.Equal(new AgencyMatch("淮安市洪浑区教育局", "洪泽区教育局", 1) { AgencyId = "hz-edu" }, result.Report.AgencyMatch);
    }

    [Fact]
    public async Task A_missing_or_bad_registry_file_is_refused()
    {
        Assert.Null(await RegistryCommand.LoadMatcherAsync(Path.Combine(_dir, "missing.csv"), CancellationToken.None));
        var bad = Path.Combine(_dir, "bad.csv");
        await File.WriteAllTextAsync(bad, "id,name,aliases,region,level,parent\n,无编号的单位,,江苏省,department,\n");
        Assert.Null(await RegistryCommand.LoadMatcherAsync(bad, CancellationToken.None));
    }
}
