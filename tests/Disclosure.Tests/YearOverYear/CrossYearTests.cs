using Disclosure.Core.Comparison;
using Disclosure.Core.Contract;
using Disclosure.Sweep;
using Disclosure.Tests.Support;

namespace Disclosure.Tests.YearOverYear;

/// <summary>The cross-year figures on arrival (and `check --previous`) and in the sweep: one function, the same findings.</summary>
public sealed class CrossYearTests
{
    private const string Agency = ReportPairs.Agency;

    /// <summary>2023 as the builder fills it.</summary>
    public static ReportBuilder Last() => new(TemplateVersion.V2021, 2023, Agency);

    /// <summary>2024 that carries 2023 over correctly: 上年结转 = 2023's 结转下年度, 现行有效 = 2023 + 制发 − 废止.</summary>
    public static ReportBuilder Consistent2024()
    {
        var last = Last();
        var b = new ReportBuilder(TemplateVersion.V2021, 2024, Agency)
            .With("t3.carried_over.commercial", 1).With("t3.carried_over.total", 3)
            .With("t3.new_received.commercial", 2).With("t3.new_received.total", 22);
        foreach (var row in new[] { "regulations", "normative_docs" })
        {
            b.With($"t2.{row}.issued", 3).With($"t2.{row}.repealed", 1);
            b.With($"t2.{row}.in_force", last.Value($"t2.{row}.in_force") + b.Value($"t2.{row}.issued") - b.Value($"t2.{row}.repealed"));
        }

        return b;
    }

    /// <summary>2024 with two carry-over errors (自然人 and 总计 one too many, balance kept) and 规章 现行有效 one short.</summary>
    public static ReportBuilder Wrong2024() => Consistent2024()
        .Bump("t3.carried_over.natural", 1).Bump("t3.carried_over.total", 1)
        .Bump("t3.carried_forward.natural", 1).Bump("t3.carried_forward.total", 1)
        .Bump("t2.regulations.in_force", -1);

    [Fact]
    public void A_report_that_carries_last_year_over_correctly_gets_no_cross_year_finding()
    {
        var current = YearOverYearComparer.Apply(ReportPairs.Analyze("2024.txt", Consistent2024()), ReportPairs.Analyze("2023.txt", Last()));
        Assert.DoesNotContain(current.Findings, f => CrossYearChecks.Codes.Contains(f.Code));
        Assert.DoesNotContain(current.Findings, f => f.Severity == Severity.Error);
    }

    [Fact]
    public void A_carry_over_error_found_on_arrival_is_found_by_the_sweep_with_the_same_cells()
    {
        var last = ReportPairs.Analyze("reports/2023/a.txt", Last());
        var arrived = YearOverYearComparer.Apply(ReportPairs.Analyze("reports/2024/a.txt", Wrong2024()), last);
        var onArrival = arrived.Findings.Where(f => CrossYearChecks.Codes.Contains(f.Code)).Select(Shape).Order(StringComparer.Ordinal).ToList();

        var inForce = Last().Value("t2.regulations.in_force") + 3 - 1;
        Assert.Equal(
            ["CARRYOVER_MISMATCH t3.carried_over.natural 2→3", "CARRYOVER_MISMATCH t3.carried_over.total 3→4", $"IN_FORCE_MISMATCH t2.regulations.in_force {inForce}→{inForce - 1}"],
            onArrival.Select(Simplify).ToList());
        Assert.Equal(ResultStatus.Findings, arrived.Status);

        // The sweep over the stored results (which already carry the arrival findings) finds the same, counted once.
        var registry = new[] { new Agency("a", Agency, [], "河南省三门峡市", AgencyLevel.Government, null) };
        var outcome = SweepCalculator.Compute(new SweepInput(2024, registry, [Stored(arrived)], [Stored(last)], DeadlinePolicy.Default));
        var status = outcome.Agencies.Single();
        var inSweep = status.Findings.Where(f => CrossYearChecks.Codes.Contains(f.Code)).Select(Shape).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(onArrival, inSweep);
        Assert.Equal(1, outcome.Summary.FindingsByType[FindingCodes.CarryoverMismatch]);
        Assert.Equal(0, status.OpenErrors);
    }

    [Fact]
    public void The_in_force_check_follows_issued_and_repealed()
    {
        var last = ReportPairs.Analyze("2023.txt", Last());
        var wrong = YearOverYearComparer.Apply(ReportPairs.Analyze("2024.txt", Wrong2024()), last);
        var f = Assert.Single(wrong.Findings, f => f.Code == FindingCodes.InForceMismatch);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Equal(f.Expected, f.Actual + 1);
        Assert.Contains("现行有效件数", f.Message, StringComparison.Ordinal);
    }

    private static StoredReportSummary Stored(ReportResult r) => new()
    {
        Id = r.Source.Sha256[..8],
        BlobName = r.Source.Name,
        Agency = r.Report.Agency,
        Year = r.Report.Year,
        Template = r.Report.Template,
        Status = r.Status,
        Cells = r.Cells,
        Findings = r.Findings,
        PublishedAt = new DateTimeOffset(r.Report.Year!.Value + 1, 1, 10, 0, 0, 0, TimeSpan.FromHours(8)),
        Narrative = r.Narrative ?? [],
    };

    private static string Shape(Finding f) => $"{f.Code} {string.Join(",", f.Cells)} {f.Expected}→{f.Actual} {f.Message} {f.Detail}";

    private static string Simplify(string shape) => string.Join(' ', shape.Split(' ').Take(3));
}
