using Disclosure.Core.Contract;
using Disclosure.Core.Engine;
using Disclosure.Tests.Support;
using TextReader = Disclosure.Readers.Text.TextReader;

namespace Disclosure.Tests.Validation;

/// <summary>
/// Rule cases as data: each case plants one defect into a consistent report (or none) and names the codes that must
/// and must not be raised. Every finding code of the contract has a passing and a failing case here.
/// </summary>
public sealed class RuleCases
{
    public sealed record Case(string Name, Func<ReportBuilder> Build, string[] Must, string[] MustNot)
    {
        public override string ToString() => Name;
    }

    private static readonly string[] Arithmetic = [FindingCodes.T3RowTotal, FindingCodes.T3Balance, FindingCodes.T3ResultsTotal, FindingCodes.T4Total];

    private static readonly string[] Everything = [.. FindingCodes.Severities.Keys];

    public static readonly Case[] All =
    [
        new("consistent 2021 report passes", () => new ReportBuilder(TemplateVersion.V2021, 2023), [], Everything),
        new("consistent 2019 report passes", () => new ReportBuilder(TemplateVersion.V2019, 2020), [], Everything),
        new("row total off by one", () => new ReportBuilder().Bump("t3.granted.natural", 1).Bump("t3.results_total.natural", 1).Bump("t3.new_received.natural", 1),
            [FindingCodes.T3RowTotal], [FindingCodes.T3Balance, FindingCodes.T4Total]),
        new("balance broken in one column", () => new ReportBuilder().Bump("t3.carried_forward.natural", 1).Bump("t3.carried_forward.total", 1),
            [FindingCodes.T3Balance], [FindingCodes.T3RowTotal, FindingCodes.T3ResultsTotal]),
        new("results total differs from outcomes", () => new ReportBuilder(TemplateVersion.V2019, 2020).Bump("t3.granted.natural", 2).Bump("t3.granted.total", 2),
            [FindingCodes.T3ResultsTotal], [FindingCodes.T3RowTotal, FindingCodes.T4Total]),
        new("table 4 total wrong", () => new ReportBuilder().Bump("t4.suit_direct.total", 5),
            [FindingCodes.T4Total], [FindingCodes.T3RowTotal, FindingCodes.T3Balance, FindingCodes.T3ResultsTotal]),
        new("negative count", () => new ReportBuilder(TemplateVersion.V2019, 2020).With("t2.licensing.decisions", "-5"),
            [FindingCodes.NegativeValue], Arithmetic),
        new("negative change is allowed", () => new ReportBuilder(TemplateVersion.V2019, 2020).With("t2.licensing.change", "减3"),
            [], [FindingCodes.NegativeValue]),
        new("fractional count", () => new ReportBuilder().With("t2.penalty.decisions", "2.5"),
            [FindingCodes.NonInteger], Arithmetic),
        new("fractional amount is allowed", () => new ReportBuilder().With("t2.fees.amount", "3.25"),
            [], [FindingCodes.NonInteger]),
        new("placeholder instead of number", () => new ReportBuilder().With("t3.denied_inquiry.research", "/"),
            [FindingCodes.BlankCell], [FindingCodes.T3RowTotal, FindingCodes.T3ResultsTotal]),
        new("2023 report in the 2019 format", () => new ReportBuilder(TemplateVersion.V2019, 2023),
            [FindingCodes.TemplateOutdated], Arithmetic),
        new("2020 report in the 2021 format", () => new ReportBuilder(TemplateVersion.V2021, 2020),
            [FindingCodes.TemplateOutdated], Arithmetic),
        new("2023 report keeping the old single (六) row", () => new ReportBuilder().WithOldSingleOtherRow(),
            [FindingCodes.TemplateDeviation, FindingCodes.TemplateOutdated], Arithmetic),
        new("amount header without unit", () => new ReportBuilder(TemplateVersion.V2019, 2020).WithAmountHeaderUnit(string.Empty),
            [FindingCodes.UnitSuspect], Arithmetic),
        new("amount in yuan", () => new ReportBuilder(TemplateVersion.V2019, 2020).With("t2.procurement.amount", "8433519000"),
            [FindingCodes.UnitSuspect], Arithmetic),
        new("narrative states other application count", () => new ReportBuilder().WithNarrative("全年共收到政府信息公开申请 99 件，均按时答复。"),
            [FindingCodes.NarrativeMismatch], Arithmetic),
        new("narrative agrees with new + carried over", () => new ReportBuilder().WithNarrative("全年共办理政府信息公开申请 25 件。"),
            [], [FindingCodes.NarrativeMismatch]),
        new("narrative review count contradicts table 4", () => new ReportBuilder().WithNarrative("发生政府信息公开行政复议 7 件。"),
            [FindingCodes.NarrativeMismatch], Arithmetic),
        new("section 五 missing", () => new ReportBuilder().WithoutSection(5),
            [FindingCodes.MissingSection], [FindingCodes.MissingTable]),
        new("table 4 missing", () => new ReportBuilder().WithoutTable4(),
            [FindingCodes.MissingTable], [FindingCodes.T4Total]),
        new("table 3 cut off", () => new ReportBuilder().TruncateTable3After(6),
            [FindingCodes.IncompleteTable], [FindingCodes.T3ResultsTotal, FindingCodes.T3Balance]),
        new("a row that lost one cell is flagged, not guessed silently", () => new ReportBuilder().DropCell("t3.granted.research"),
            [FindingCodes.ExtractionUncertain], Arithmetic),
        new("an empty cell between tabs is a blank, not a shift", () => new ReportBuilder().With("t3.granted.research", string.Empty),
            [FindingCodes.BlankCell], [FindingCodes.ExtractionUncertain, FindingCodes.T3RowTotal]),
        new("section 五 is only 无", () => new ReportBuilder().WithSectionText(5, "无"),
            [FindingCodes.EmptySection], Arithmetic),
        new("2021 section 六 without the fee statement", () => new ReportBuilder().WithSectionText(6, "本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。"),
            [FindingCodes.FeeStatementMissing], [FindingCodes.EmptySection]),
        new("section 五 names no measure", () => new ReportBuilder().WithSectionText(5, "一是公开内容不够丰富。二是解读形式单一。"),
            [FindingCodes.NoImprovementMeasure], [FindingCodes.EmptySection]),
    ];

    public static TheoryData<Case> Cases() => new(All);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Rule_case(Case c)
    {
        var builder = c.Build();
        var result = await new ReportEngine([new TextReader()]).AnalyzeAsync("case.txt", builder.BuildBytes());
        var codes = result.Findings.Select(f => f.Code).ToHashSet();
        var summary = string.Join("\n", result.Findings.Select(f => $"{f.Code}: {f.Message}"));
        Assert.NotEqual(ResultStatus.Failed, result.Status);
        foreach (var code in c.Must)
        {
            Assert.True(codes.Contains(code), $"{c.Name}: expected {code}; got\n{summary}");
        }

        foreach (var code in c.MustNot.Except(c.Must))
        {
            Assert.False(codes.Contains(code), $"{c.Name}: did not expect {code}; got\n{summary}");
        }
    }

    [Fact]
    public void Every_single_report_code_has_a_failing_case()
    {
        string[] crossReport = [FindingCodes.CarryoverMismatch, FindingCodes.InForceMismatch, FindingCodes.LateReport, FindingCodes.MissingReport,
            FindingCodes.CopiedText, FindingCodes.TextReuse];
        var covered = All.SelectMany(c => c.Must).ToHashSet();
        var uncovered = FindingCodes.Severities.Keys.Except(crossReport).Where(code => !covered.Contains(code)).ToList();
        Assert.True(uncovered.Count == 0, "no failing case for: " + string.Join(", ", uncovered));
    }

    [Fact]
    public async Task Consistent_report_reads_every_built_cell_back()
    {
        var builder = new ReportBuilder(TemplateVersion.V2021, 2023);
        var result = await new ReportEngine([new TextReader()]).AnalyzeAsync("r.txt", builder.BuildBytes());
        foreach (var (key, printed) in builder.Cells)
        {
            Assert.True(result.Cells.TryGetValue(key, out var v), $"{key} missing");
            Assert.Equal(decimal.Parse(printed, System.Globalization.CultureInfo.InvariantCulture), v);
        }

        Assert.Equal(ResultStatus.Passed, result.Status);
        Assert.Equal("2021", result.Report.Template);
        Assert.Equal(2023, result.Report.Year);
        Assert.Equal("测试市测试区人民政府办公室", result.Report.Agency);
    }
}
