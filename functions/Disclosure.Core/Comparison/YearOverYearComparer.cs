using Disclosure.Core.Contract;

namespace Disclosure.Core.Comparison;

/// <summary>
/// A report compared with the same agency's report of the year before: the cross-year figures (CrossYearChecks, the
/// sweep's own function) and the copied-text shares (TextReuse), added to the result with the comparison itself.
/// Idempotent: the findings of an earlier comparison are replaced, never added twice, so a re-check (last year's report
/// arriving after this year's) gives the same result as a comparison on arrival.
/// </summary>
public static class YearOverYearComparer
{
    /// <summary>Every code a comparison may add (and a re-check replaces).</summary>
    public static readonly IReadOnlySet<string> Codes = new HashSet<string>(CrossYearChecks.Codes.Concat(TextReuse.Codes), StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="current"/> with the findings of its comparison with <paramref name="previous"/>. A failed result on
    /// either side is left as it is (nothing to compare); the year must be known for the figures' messages.
    /// </summary>
    public static ReportResult Apply(ReportResult current, ReportResult previous)
    {
        if (current.Status == ResultStatus.Failed || previous.Status == ResultStatus.Failed)
        {
            return current;
        }

        var year = current.Report.Year ?? (previous.Report.Year + 1) ?? 0;
        var agency = current.Report.Agency ?? previous.Report.Agency ?? string.Empty;
        var figures = CrossYearChecks.Compare(agency, year,
            new CrossYearChecks.Side(current.Source.Name, current.Cells), new CrossYearChecks.Side(previous.Source.Name, previous.Cells));
        var sections = TextReuse.Compare(current.Narrative ?? [], previous.Narrative ?? []);
        var added = figures.Concat(TextReuse.Findings(sections, previous.Report.Year ?? (year > 0 ? year - 1 : null)));

        var findings = current.Findings.Where(f => !Codes.Contains(f.Code)).Concat(added)
            .Select((f, i) => (f, i))
            .OrderByDescending(x => x.f.Severity)
            .ThenBy(x => x.i)
            .Select(x => x.f)
            .ToList();

        return current with
        {
            Findings = findings,
            Status = findings.Any(f => f.Severity >= Severity.Warning) ? ResultStatus.Findings : ResultStatus.Passed,
            YearOverYear = new YearOverYearInfo(previous.Source.Name, previous.Source.Sha256, previous.Report.Year) { Sections = sections },
        };
    }
}
