using System.Globalization;
using Disclosure.Core.Contract;

namespace Disclosure.Review;

/// <summary>How a cell is marked on the page, in increasing precedence: the strongest mark a cell gets is shown.</summary>
public enum CellMark
{
    None = 0,

    /// <summary>The report left the cell out (hatched).</summary>
    Absent = 1,

    /// <summary>Blank or a placeholder such as / or 无 (grey).</summary>
    Blank = 2,

    /// <summary>Named by a warning other than a doubtful reading (e.g. the unit of an amount).</summary>
    Warning = 3,

    /// <summary>Named by an error finding (red).</summary>
    Error = 4,

    /// <summary>
    /// A reading that may be wrong (EXTRACTION_UNCERTAIN): check it against the original (amber). Shown over an error the
    /// same cell is part of, since on a scan the broken sum may be the misread, not the agency's mistake.
    /// </summary>
    Doubtful = 5,
}

/// <summary>One cell's mark, what was printed, and the findings (indexes into the page's ordered list) that name it.</summary>
public sealed record MarkedCell(string Key, CellMark Mark, string Printed, IReadOnlyList<int> Findings);

/// <summary>The findings in page order (most serious first) and the mark of every cell they or the values imply.</summary>
public sealed class CellMarks
{
    private readonly Dictionary<string, MarkedCell> _cells;

    private CellMarks(IReadOnlyList<Finding> ordered, Dictionary<string, MarkedCell> cells)
    {
        Findings = ordered;
        _cells = cells;
    }

    /// <summary>Findings, most serious first (stable within a severity, so the engine's order is kept).</summary>
    public IReadOnlyList<Finding> Findings { get; }

    public IEnumerable<MarkedCell> Marked => _cells.Values.Where(c => c.Mark >= CellMark.Blank);

    public static CellMarks Of(ReportResult result)
    {
        var ordered = result.Findings.Select((f, i) => (f, i)).OrderByDescending(p => p.f.Severity).ThenBy(p => p.i).Select(p => p.f).ToList();
        var cells = new Dictionary<string, MarkedCell>(StringComparer.Ordinal);
        foreach (var (key, value) in result.Cells)
        {
            if (!value.HasValue)
            {
                cells[key] = new MarkedCell(key, CellMark.Blank, Printed(result, key), []);
            }
        }

        for (var i = 0; i < ordered.Count; i++)
        {
            var finding = ordered[i];
            var mark = MarkFor(finding);
            foreach (var key in finding.Cells)
            {
                var present = result.Cells.ContainsKey(key);
                var own = present || mark != CellMark.Blank ? mark : CellMark.Absent;
                if (!present && finding.Code == FindingCodes.IncompleteTable)
                {
                    own = CellMark.Absent;
                }

                var existing = cells.GetValueOrDefault(key) ?? new MarkedCell(key, present ? CellMark.None : CellMark.Absent, Printed(result, key), []);
                cells[key] = existing with
                {
                    Mark = (CellMark)Math.Max((int)existing.Mark, (int)own),
                    Findings = [.. existing.Findings, i],
                };
            }
        }

        return new CellMarks(ordered, cells);
    }

    /// <summary>The mark of a cell of the drawn tables: a key the result lacks is absent (hatched) even when no finding names it.</summary>
    public MarkedCell For(ReportResult result, string key) =>
        _cells.TryGetValue(key, out var c) ? c
        : result.Cells.ContainsKey(key) ? new MarkedCell(key, CellMark.None, Printed(result, key), [])
        : new MarkedCell(key, CellMark.Absent, "", []);

    /// <summary>The cells a crop of the source would help with: every marked cell that the report has.</summary>
    public static IReadOnlyList<string> CellsToCrop(ReportResult result) =>
        Of(result).Marked.Where(c => result.Cells.ContainsKey(c.Key)).Select(c => c.Key).OrderBy(CanonicalKeys.Order).ToList();

    public static CellMark MarkFor(Finding finding) => finding.Code switch
    {
        FindingCodes.ExtractionUncertain => CellMark.Doubtful,
        FindingCodes.BlankCell => CellMark.Blank,
        _ when finding.Severity == Severity.Error => CellMark.Error,
        _ => CellMark.Warning,
    };

    /// <summary>The cell's text as printed: the raw text kept by the extractor, else the value.</summary>
    public static string Printed(ReportResult result, string key)
    {
        if (result.CellDetails?.TryGetValue(key, out var detail) == true)
        {
            return detail.Raw;
        }

        return result.Cells.TryGetValue(key, out var v) && v is { } value ? Number(value) : "";
    }

    public static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}

/// <summary>The counts a header or an index row shows.</summary>
public sealed record ReviewCounts(int Errors, int Warnings, int Doubtful)
{
    public static ReviewCounts Of(ReportResult result) => new(
        result.Findings.Count(f => f.Severity == Severity.Error) + (result.Status == ResultStatus.Failed ? 1 : 0),
        result.Findings.Count(f => f.Severity == Severity.Warning),
        result.Findings.Where(f => f.Code == FindingCodes.ExtractionUncertain).SelectMany(f => f.Cells).Distinct(StringComparer.Ordinal).Count());
}
