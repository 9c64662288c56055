using System.Text.Json;
using Disclosure.Core.Contract;
using Disclosure.Core.Extraction;
using Disclosure.Sweep;

namespace Disclosure.Tests.Sweep;

/// <summary>Agency names read by OCR matched against the registry of the year: the cases are data (Cases/ocr-agency-names.json).</summary>
public sealed class OcrAgencyNameTests
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(SweepTestData.RepoRoot(), "tests", "Disclosure.Tests", "Sweep", "Cases", "ocr-agency-names.json"))));

    private static readonly Lazy<IReadOnlyList<Agency>> Registry = new(() =>
        RegistryParser.ParseJson(Document.Value.RootElement.GetProperty("registry").GetRawText()).Agencies);

    private static readonly Lazy<AgencyNameMatcher> Matcher = new(() => new AgencyNameMatcher(Registry.Value));

    public static IEnumerable<object[]> Cases() =>
        Document.Value.RootElement.GetProperty("cases").EnumerateArray().Select(c => new object[] { c.GetProperty("name").GetString()! });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_names_as_OCR_reads_them(string name)
    {
        var c = Document.Value.RootElement.GetProperty("cases").EnumerateArray().Single(x => x.GetProperty("name").GetString() == name);
        var read = c.GetProperty("read").GetString()!;
        var expect = c.GetProperty("expect");
        var result = OcrAgencyNames.Apply(Scanned(read), Matcher.Value, 2023);

        var match = result.Report.AgencyMatch;
        Assert.NotNull(match);
        Assert.Equal(read, match!.Read);
        Assert.Equal(2023, match.RegistryYear);
        Assert.Equal(expect.GetProperty("agency").GetString(), result.Report.Agency);
        var matchedId = expect.GetProperty("matched").GetString();
        Assert.Equal(matchedId, match.AgencyId);
        Assert.Equal(matchedId is null ? null : Registry.Value.Single(a => a.Id == matchedId).Name, match.Matched);
        if (expect.TryGetProperty("distance", out var distance))
        {
            Assert.Equal(distance.GetInt32(), match.Distance);
        }

        var tie = expect.TryGetProperty("candidates", out var candidates)
            ? candidates.EnumerateArray().Select(id => Registry.Value.Single(a => a.Id == id.GetString()).Name).ToList()
            : null;
        Assert.Equal(tie, match.Candidates);
        // A tie is flagged, never guessed; a clear match or no match adds no finding.
        var flagged = result.Findings.Where(f => f.Code == FindingCodes.ExtractionUncertain).ToList();
        Assert.Equal(tie is null ? 0 : 1, flagged.Count);
        Assert.Equal(tie is not null ? ResultStatus.Findings : ResultStatus.Passed, result.Status);
        Assert.All(tie ?? [], n => Assert.Contains(n, flagged[0].Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Names_not_read_by_OCR_are_never_corrected()
    {
        var text = Scanned("淮安市洪浑区教育局") with { Source = new SourceInfo("a.pdf", "00", "pdf", 1, Ocr: false) };
        Assert.Same(text, OcrAgencyNames.Apply(text, Matcher.Value, 2023));
    }

    [Fact]
    public void Failed_results_and_results_without_a_name_pass_unchanged()
    {
        var failed = Scanned("淮安市洪浑区教育局") with { Status = ResultStatus.Failed };
        Assert.Same(failed, OcrAgencyNames.Apply(failed, Matcher.Value, 2023));
        var nameless = Scanned(null);
        Assert.Same(nameless, OcrAgencyNames.Apply(nameless, Matcher.Value, 2023));
    }

    [Theory]
    [InlineData("淮安市洪浑区教育局")]
    [InlineData("淮安市洪泽区民法局")]
    public void Applying_twice_gives_the_same_result(string read)
    {
        var once = OcrAgencyNames.Apply(Scanned(read), Matcher.Value, 2023);
        var twice = OcrAgencyNames.Apply(once, Matcher.Value, 2023);
        Assert.Equal(ResultJson.Serialize(once), ResultJson.Serialize(twice));
    }

    [Fact]
    public void The_match_is_part_of_the_result_json()
    {
        var json = ResultJson.Serialize(OcrAgencyNames.Apply(Scanned("淮安市洪浑区教育局"), Matcher.Value, 2023));
        Assert.Contains("\"agency\":\"淮安市洪泽区教育局\"", json, StringComparison.Ordinal);
        Assert.Contains("\"agencyMatch\":{\"read\":\"淮安市洪浑区教育局\",\"matched\":\"洪泽区教育局\",\"distance\":1,\"agencyId\":\"hz-edu\",\"registryYear\":2023}", json, StringComparison.Ordinal);
        Assert.Equal("淮安市洪浑区教育局", ResultJson.Deserialize(json)!.Report.AgencyMatch!.Read);
    }

    [Fact]
    public void A_doubtful_name_repaired_by_the_registry_is_no_longer_flagged()
    {
        var doubt = new Finding(FindingCodes.ExtractionUncertain, Severity.Warning, "单位名称可能有字识别错误", []) { Detail = Disclosure.Core.Extraction.OcrAgencyCheck.FindingDetail };
        var read = Scanned("淮安市洪浑区教育局") with { Findings = [doubt], Status = ResultStatus.Findings };
        read = read with { Report = read.Report with { AgencyUncertain = true } };

        var repaired = OcrAgencyNames.Apply(read, Matcher.Value, 2023);
        Assert.Equal("淮安市洪泽区教育局", repaired.Report.Agency);
        Assert.Null(repaired.Report.AgencyUncertain);
        Assert.Empty(repaired.Findings);

        // No registry name near enough: the flag stays, and so does the finding that explains it.
        var unmatched = read with { Report = read.Report with { Agency = "某某县某某某某某局" } };
        var kept = OcrAgencyNames.Apply(unmatched, Matcher.Value, 2023);
        Assert.True(kept.Report.AgencyUncertain);
        Assert.Single(kept.Findings, f => f.Detail == Disclosure.Core.Extraction.OcrAgencyCheck.FindingDetail);
    }

    [Theory]
    [InlineData(3, 0)]
    [InlineData(6, 1)]
    [InlineData(7, 1)]
    [InlineData(8, 2)]
    [InlineData(20, OcrAgencyNames.MaxEdits)]
    public void Edits_allowed_grow_with_the_name_up_to_the_maximum(int length, int allowed) =>
        Assert.Equal(allowed, OcrAgencyNames.AllowedEdits(length));

    [Theory]
    [InlineData("教育局", "教育局", 0)]
    [InlineData("教育局", "体育局", 1)]
    [InlineData("洪泽区教育局", "洪泽区教育育局", 1)]
    [InlineData("淮安市市场监督管理局", "淮安市场监督管理局", 1)]
    [InlineData("abc", "", 3)]
    public void Edit_distance_counts_replaced_dropped_and_added_characters(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Levenshtein(a, b));
        Assert.Equal(expected, EditDistance.Levenshtein(b, a));
        Assert.Equal(Math.Min(expected, 1), Math.Min(EditDistance.Levenshtein(a, b, cutoff: 0), 1));
    }

    internal static ReportResult Scanned(string? agency, int? year = 2023) => new()
    {
        Source = new SourceInfo("scan.pdf", "0123456789abcdef0123", "pdf", 3, Ocr: true),
        Report = new ReportInfo(agency, year, "2021"),
        Cells = new Dictionary<string, decimal?>(),
        Findings = [],
        Status = ResultStatus.Passed,
    };
}
