using Disclosure.Core.Contract;
using Disclosure.Core.Extraction;

namespace Disclosure.Core.Validation;

/// <summary>Runs the single-report rules of <see cref="RuleCatalog"/> over an extraction.</summary>
public sealed class ReportValidator
{
    private readonly IReadOnlyList<ValidationRule> _rules;

    public ReportValidator(IReadOnlyList<ValidationRule>? rules = null) => _rules = rules ?? RuleCatalog.All;

    /// <summary>The extractor's own findings plus every rule's, most severe first, in a stable order.</summary>
    public IReadOnlyList<Finding> Validate(ExtractedReport report) =>
        // The extractor's doubtful readings are grouped; the rules' own (a broken identity on doubtful cells) stay apart: they say what matters.
        GroupUncertain(report.Findings).Concat(_rules.SelectMany(rule => rule.Evaluate(report)))
            .Select((f, i) => (f, i))
            .OrderByDescending(x => x.f.Severity)
            .ThenBy(x => x.i)
            .Select(x => x.f)
            .ToList();

    /// <summary>
    /// Doubtful readings once per table, not once per cell: an officer sees one EXTRACTION_UNCERTAIN for table 3 with
    /// every doubtful cell listed and the distinct reasons, instead of thirty findings burying the one that matters.
    /// Findings that name no cell (a heading not found) stay as they are.
    /// </summary>
    public static IReadOnlyList<Finding> GroupUncertain(IReadOnlyList<Finding> findings)
    {
        var output = new List<Finding>();
        var grouped = findings.Where(f => f.Code == FindingCodes.ExtractionUncertain && f.Cells.Count > 0)
            .GroupBy(f => Table(f.Cells[0])).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var f in findings)
        {
            if (f.Code != FindingCodes.ExtractionUncertain || f.Cells.Count == 0)
            {
                output.Add(f);
                continue;
            }

            var group = grouped[Table(f.Cells[0])];
            if (group.Count == 1)
            {
                output.Add(f);
            }
            else if (ReferenceEquals(group[0], f))
            {
                var cells = group.SelectMany(g => g.Cells).Distinct().OrderBy(CanonicalKeys.Order).ToList();
                var reasons = group.Select(g => g.Message).Distinct().ToList();
                var table = Table(f.Cells[0]);
                var where = table.StartsWith('t') && table.Length == 2 ? $"表{table[1]}" : "文档";
                output.Add(new Finding(FindingCodes.ExtractionUncertain, f.Severity,
                    $"{where}有 {cells.Count} 个单元格读数不确定（{string.Join("、", cells.Take(10))}{(cells.Count > 10 ? "…" : "")}），请对照原件核对。"
                    + $"原因：{string.Join("；", reasons.Take(3))}{(reasons.Count > 3 ? $"；另有 {reasons.Count - 3} 条" : "")}",
                    cells)
                {
                    Detail = string.Join("\n", group.Select(g => g.Detail).Where(d => !string.IsNullOrEmpty(d)).Distinct()),
                });
            }
        }

        return output;
    }

    private static string Table(string key) => key.Length >= 2 && key[0] == 't' && char.IsDigit(key[1]) ? key[..2] : "";
}
