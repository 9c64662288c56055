using System.Globalization;
using Disclosure.Core.Contract;
using Disclosure.Core.Vocabulary;

namespace Disclosure.Core.Comparison;

/// <summary>
/// The two figures a report must carry over from the agency's report of the year before, as one pure function used
/// on arrival, by `disclosure check --previous` and by the annual sweep, so that the three never disagree:
/// CARRYOVER_MISMATCH (t3.carried_over.&lt;col&gt; of Y against t3.carried_forward.&lt;col&gt; of Y−1, per column) and
/// IN_FORCE_MISMATCH (t2.&lt;regulations|normative_docs&gt;.in_force of Y against Y−1 + issued − repealed).
/// </summary>
public static class CrossYearChecks
{
    /// <summary>The codes this comparison raises.</summary>
    public static readonly IReadOnlySet<string> Codes = new HashSet<string>(StringComparer.Ordinal)
    {
        FindingCodes.CarryoverMismatch, FindingCodes.InForceMismatch,
    };

    private static readonly (string Row, string Label)[] InForceRows = [("regulations", "规章"), ("normative_docs", "行政规范性文件")];

    /// <summary>One side of the comparison: whose report, its name (blob or file) and its cells.</summary>
    public sealed record Side(string Name, IReadOnlyDictionary<string, decimal?> Cells)
    {
        public decimal? Value(string key) => Cells.TryGetValue(key, out var v) ? v : null;
    }

    /// <summary>Findings of <paramref name="current"/> (year <paramref name="year"/>) against <paramref name="last"/> (year − 1).</summary>
    public static IReadOnlyList<Finding> Compare(string agency, int year, Side current, Side last) =>
        [.. Carryover(agency, year, current, last), .. InForce(agency, year, current, last)];

    private static IEnumerable<Finding> Carryover(string agency, int year, Side current, Side last)
    {
        foreach (var column in CanonicalKeys.Table3Columns)
        {
            var thisKey = $"t3.carried_over.{column}";
            var lastKey = $"t3.carried_forward.{column}";

            // A missing cell on either side is not an arithmetic finding (contract §4): the blank is reported elsewhere.
            if (current.Value(thisKey) is not { } actual || last.Value(lastKey) is not { } expected || actual == expected)
            {
                continue;
            }

            yield return new Finding(
                FindingCodes.CarryoverMismatch,
                FindingCodes.Severities[FindingCodes.CarryoverMismatch],
                $"{agency}{year}年度报告表三“二、上年结转政府信息公开申请数量”（{ColumnLabels[column]}）为{N(actual)}，" +
                $"与{year - 1}年度报告“四、结转下年度继续办理”的{N(expected)}不一致。",
                [thisKey], expected, actual)
            { Detail = $"{last.Name} → {current.Name}" };
        }
    }

    private static IEnumerable<Finding> InForce(string agency, int year, Side current, Side last)
    {
        foreach (var (row, label) in InForceRows)
        {
            if (current.Value($"t2.{row}.in_force") is not { } actual
                || last.Value($"t2.{row}.in_force") is not { } previous
                || current.Value($"t2.{row}.issued") is not { } issued
                || current.Value($"t2.{row}.repealed") is not { } repealed)
            {
                continue;
            }

            var expected = previous + issued - repealed;
            if (expected == actual)
            {
                continue;
            }

            yield return new Finding(
                FindingCodes.InForceMismatch,
                FindingCodes.Severities[FindingCodes.InForceMismatch],
                $"{agency}{year}年度报告表二{label}现行有效件数为{N(actual)}，按{year - 1}年度{N(previous)}件加本年制发{N(issued)}件、" +
                $"减本年废止{N(repealed)}件应为{N(expected)}件。",
                [$"t2.{row}.in_force"], expected, actual)
            { Detail = $"{last.Name} → {current.Name}" };
        }
    }

    /// <summary>The printed header of each table-3 column key (the official template's).</summary>
    public static readonly IReadOnlyDictionary<string, string> ColumnLabels = OfficialTemplate.Table3Columns.ToDictionary(c => c.Key, c => c.Header);

    private static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
