using Disclosure.Core.Vocabulary;

namespace Disclosure.Core.Contract;

/// <summary>The report formats (国办公开办函〔2019〕60号 and 〔2021〕30号).</summary>
public enum TemplateVersion
{
    V2019,
    V2021,
}

/// <summary>
/// The canonical cell keys of report-contract.md §2. A public contract: add, never rename.
/// </summary>
public static class CanonicalKeys
{
    // The keys are read off the model of the official template (Vocabulary/OfficialTemplate), in its printed order.
    public static readonly IReadOnlyList<string> Table3Columns = [.. OfficialTemplate.Table3Columns.Select(c => c.Key)];

    /// <summary>Table 3 applicant columns that add up to <c>total</c>.</summary>
    public static readonly IReadOnlyList<string> Table3Parts = [.. Table3Columns.Where(c => c != "total")];

    public static readonly IReadOnlyList<string> Table4Groups = [.. OfficialTemplate.Table4Groups.Select(g => g.Key)];

    public static readonly IReadOnlyList<string> Table4Columns = [.. OfficialTemplate.Table4Columns.Select(c => c.Key)];

    /// <summary>Outcome rows （一）…（六） of the 2019 format, in table order.</summary>
    public static readonly IReadOnlyList<string> Table3Outcomes2019 = Outcomes(TemplateVersion.V2019);

    /// <summary>Outcome rows of the 2021 format: （六） split in three.</summary>
    public static readonly IReadOnlyList<string> Table3Outcomes2021 = Outcomes(TemplateVersion.V2021);

    private static readonly IReadOnlyList<string> Table3Rows2019 = [.. OfficialTemplate.Table3Rows(TemplateVersion.V2019).Select(r => r.Key)];

    private static readonly IReadOnlyList<string> Table3Rows2021 = [.. OfficialTemplate.Table3Rows(TemplateVersion.V2021).Select(r => r.Key)];

    public static IReadOnlyList<string> Table3Rows(TemplateVersion version) => version == TemplateVersion.V2019 ? Table3Rows2019 : Table3Rows2021;

    private static readonly IReadOnlyList<(string Row, IReadOnlyList<string> Columns)> Table2Of2019 = Table2Rows(TemplateVersion.V2019);

    private static readonly IReadOnlyList<(string Row, IReadOnlyList<string> Columns)> Table2Of2021 = Table2Rows(TemplateVersion.V2021);

    /// <summary>Table 2 rows and their columns per format.</summary>
    public static IReadOnlyList<(string Row, IReadOnlyList<string> Columns)> Table2(TemplateVersion version) =>
        version == TemplateVersion.V2019 ? Table2Of2019 : Table2Of2021;

    // （一）…（六）: the outcome rows less （七）总计.
    private static IReadOnlyList<string> Outcomes(TemplateVersion version) =>
        [.. OfficialTemplate.Table3Outcomes(version).SelectMany(g => g.Items).Select(r => r.Key).Where(k => k != "results_total")];

    private static IReadOnlyList<(string Row, IReadOnlyList<string> Columns)> Table2Rows(TemplateVersion version) =>
        [.. OfficialTemplate.Table2(version).SelectMany(b => b.Rows.Select(r => (r.Key, (IReadOnlyList<string>)[.. b.Columns.Select(c => c.Key)])))];

    public static IEnumerable<string> Table2Keys(TemplateVersion version) =>
        Table2(version).SelectMany(r => r.Columns.Select(c => $"t2.{r.Row}.{c}"));

    public static IEnumerable<string> Table3Keys(TemplateVersion version) =>
        Table3Rows(version).SelectMany(r => Table3Columns.Select(c => $"t3.{r}.{c}"));

    public static IEnumerable<string> Table4Keys() =>
        Table4Groups.SelectMany(g => Table4Columns.Select(c => $"t4.{g}.{c}"));

    /// <summary>Every key of one format, in canonical order (table 2, 3, 4).</summary>
    public static IEnumerable<string> All(TemplateVersion version) =>
        Table2Keys(version).Concat(Table3Keys(version)).Concat(Table4Keys());

    /// <summary>A stable sort order over all known keys of both formats (unknown keys last, ordinally).</summary>
    public static int Order(string key) => OrderIndex.Value.TryGetValue(key, out var i) ? i : int.MaxValue;

    private static readonly Lazy<Dictionary<string, int>> OrderIndex = new(() =>
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in All(TemplateVersion.V2019).Concat(All(TemplateVersion.V2021)))
        {
            order.TryAdd(key, order.Count);
        }

        return order;
    });

    /// <summary>True for keys whose value is an amount (decimal in 万元) rather than a count.</summary>
    public static bool IsAmount(string key) => key.EndsWith(".amount", StringComparison.Ordinal);

    /// <summary>True for keys that may legitimately be negative (本年增/减).</summary>
    public static bool MayBeNegative(string key) => key.EndsWith(".change", StringComparison.Ordinal);
}

/// <summary>The finding codes of report-contract.md §4 and their severities. A public contract.</summary>
public static class FindingCodes
{
    public const string T3RowTotal = "T3_ROW_TOTAL";
    public const string T3Balance = "T3_BALANCE";
    public const string T3ResultsTotal = "T3_RESULTS_TOTAL";
    public const string T4Total = "T4_TOTAL";
    public const string NegativeValue = "NEGATIVE_VALUE";
    public const string NonInteger = "NON_INTEGER";
    public const string MissingSection = "MISSING_SECTION";
    public const string MissingTable = "MISSING_TABLE";
    public const string IncompleteTable = "INCOMPLETE_TABLE";
    public const string TemplateOutdated = "TEMPLATE_OUTDATED";
    public const string TemplateDeviation = "TEMPLATE_DEVIATION";
    public const string BlankCell = "BLANK_CELL";
    public const string NarrativeMismatch = "NARRATIVE_MISMATCH";
    public const string UnitSuspect = "UNIT_SUSPECT";
    public const string ExtractionUncertain = "EXTRACTION_UNCERTAIN";
    public const string CarryoverMismatch = "CARRYOVER_MISMATCH";
    public const string InForceMismatch = "IN_FORCE_MISMATCH";
    public const string LateReport = "LATE_REPORT";
    public const string MissingReport = "MISSING_REPORT";
    public const string CopiedText = "COPIED_TEXT";
    public const string EmptySection = "EMPTY_SECTION";
    public const string FeeStatementMissing = "FEE_STATEMENT_MISSING";

    /// <summary>Info: the share of each narrative section repeated from the agency's previous report (every report with a predecessor).</summary>
    public const string TextReuse = "TEXT_REUSE";

    /// <summary>Info: section 五 names no measure taken or planned for the problems it lists.</summary>
    public const string NoImprovementMeasure = "NO_IMPROVEMENT_MEASURE";

    /// <summary>
    /// Codes this product adds to report-contract.md §4 (the contract grows only by adding; these are not in its list):
    /// info findings, flagged <c>extension: true</c> in the result so that a consumer knowing only the contract's codes
    /// can tell them apart and ignore them (docs/engine.md, "Extension codes").
    /// </summary>
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(StringComparer.Ordinal) { TextReuse, NoImprovementMeasure };

    public static readonly IReadOnlyDictionary<string, Severity> Severities = new Dictionary<string, Severity>
    {
        [T3RowTotal] = Severity.Error,
        [T3Balance] = Severity.Error,
        [T3ResultsTotal] = Severity.Error,
        [T4Total] = Severity.Error,
        [NegativeValue] = Severity.Error,
        [NonInteger] = Severity.Error,
        [MissingSection] = Severity.Error,
        [MissingTable] = Severity.Error,
        [IncompleteTable] = Severity.Error,
        [TemplateOutdated] = Severity.Warning,
        [TemplateDeviation] = Severity.Warning,
        [BlankCell] = Severity.Warning,
        [NarrativeMismatch] = Severity.Warning,
        [UnitSuspect] = Severity.Warning,
        [ExtractionUncertain] = Severity.Warning,
        [CarryoverMismatch] = Severity.Error,
        [InForceMismatch] = Severity.Warning,
        [LateReport] = Severity.Warning,
        [MissingReport] = Severity.Error,
        [CopiedText] = Severity.Warning,
        [EmptySection] = Severity.Warning,
        [FeeStatementMissing] = Severity.Warning,
        [TextReuse] = Severity.Info,
        [NoImprovementMeasure] = Severity.Info,
    };
}
