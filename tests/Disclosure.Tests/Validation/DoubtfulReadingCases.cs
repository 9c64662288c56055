using Disclosure.Core.Contract;
using Disclosure.Core.Extraction;
using Disclosure.Core.Validation;

namespace Disclosure.Tests.Validation;

/// <summary>
/// Arithmetic findings only on cells read with confidence; a broken identity with a doubtful cell is one
/// EXTRACTION_UNCERTAIN naming it; doubtful readings once per table (issue 10). Cases as data over table 4.
/// </summary>
public sealed class DoubtfulReadingCases
{
    public sealed record Case(string Name, decimal[] Review, string[] Doubtful, string[] Must, string[] MustNot, int UncertainFindings)
    {
        public override string ToString() => Name;
    }

    public static readonly Case[] All =
    [
        new("consistent, confident", [1, 2, 0, 0, 3], [], [], [FindingCodes.T4Total, FindingCodes.ExtractionUncertain], 0),
        new("broken, confident: an accusation", [1, 2, 0, 0, 4], [], [FindingCodes.T4Total], [FindingCodes.ExtractionUncertain], 0),
        new("broken, total doubtful: no accusation, the doubtful cell named", [1, 2, 0, 0, 4], ["t4.review.total"],
            [FindingCodes.ExtractionUncertain], [FindingCodes.T4Total], 2),
        new("broken, two doubtful cells: one finding for the readings, one for the identity", [1, 2, 0, 0, 4], ["t4.review.total", "t4.review.upheld"],
            [FindingCodes.ExtractionUncertain], [FindingCodes.T4Total], 2),
        new("consistent with a doubtful cell: no arithmetic finding", [1, 2, 0, 0, 3], ["t4.review.upheld"], [FindingCodes.ExtractionUncertain], [FindingCodes.T4Total], 1),
    ];

    public static TheoryData<Case> Cases() => new(All);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Doubtful_readings(Case c)
    {
        var keys = CanonicalKeys.Table4Columns.Select(col => $"t4.review.{col}").ToList();
        var cells = keys.Select((k, i) => new ExtractedCell(k, c.Review[i], c.Review[i].ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToDictionary(x => x.Key, x => x, StringComparer.Ordinal);
        // Each doubtful cell comes with the extractor's own note, as a low-confidence reading does.
        var notes = c.Doubtful.Select(k => new Finding(FindingCodes.ExtractionUncertain, Severity.Warning, $"单元格 {k} 识别置信度较低", [k])).ToList();
        var report = new ExtractedReport
        {
            Report = new ReportInfo("某局", 2023, "2021"),
            Cells = cells,
            Sections = new HashSet<int> { 1, 2, 3, 4, 5, 6 },
            Tables = new Dictionary<int, TableReading>(),
            Narrative = [],
            Findings = notes,
            UncertainCells = c.Doubtful.ToHashSet(),
            LooksLikeReport = true,
        };

        var findings = new ReportValidator().Validate(report);
        foreach (var code in c.Must)
        {
            Assert.Contains(findings, f => f.Code == code);
        }

        foreach (var code in c.MustNot)
        {
            Assert.DoesNotContain(findings, f => f.Code == code);
        }

        var uncertain = findings.Where(f => f.Code == FindingCodes.ExtractionUncertain).ToList();
        Assert.Equal(c.UncertainFindings, uncertain.Count);
        Assert.All(c.Doubtful, k => Assert.Contains(uncertain, f => f.Cells.Contains(k)));
    }
}
