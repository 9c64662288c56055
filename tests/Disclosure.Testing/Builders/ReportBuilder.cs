using System.Globalization;
using System.Text;
using Disclosure.Core.Contract;
using Disclosure.Core.Vocabulary;

namespace Disclosure.Testing;

/// <summary>
/// Builds a complete, internally consistent report as tab-separated text (the shape real text extractions have),
/// in either format; tests then change single cells, drop parts or add prose to plant one defect at a time.
/// </summary>
public sealed class ReportBuilder
{
    private readonly Dictionary<string, string> _cells = new(StringComparer.Ordinal);
    private readonly HashSet<int> _omitSections = [];
    private readonly List<string> _narrative = [];
    private int? _truncateTable3AfterRows;
    private bool _omitTable4;
    private string _amountHeaderUnit = "（单位：万元）";
    private bool _oldSingleOtherRow;
    private readonly HashSet<string> _dropped = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _sectionTexts = [];

    public ReportBuilder(TemplateVersion version = TemplateVersion.V2021, int year = 2023, string agency = "测试市测试区人民政府办公室")
    {
        Version = version;
        Year = year;
        Agency = agency;
        FillConsistent();
    }

    public TemplateVersion Version { get; }

    public int Year { get; }

    public string Agency { get; }

    public IReadOnlyDictionary<string, string> Cells => _cells;

    /// <summary>Sets a cell to printed text ("5", "/", "增3", "2.5").</summary>
    public ReportBuilder With(string key, string printed)
    {
        _cells[key] = printed;
        return this;
    }

    public ReportBuilder With(string key, decimal value) => With(key, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds to a numeric cell.</summary>
    public ReportBuilder Bump(string key, decimal delta) => With(key, decimal.Parse(_cells[key], CultureInfo.InvariantCulture) + delta);

    /// <summary>Leaves a cell out of its row entirely (as lossy text extraction does), shifting the rest left.</summary>
    public ReportBuilder DropCell(string key)
    {
        _dropped.Add(key);
        return this;
    }

    public ReportBuilder WithoutSection(int number)
    {
        _omitSections.Add(number);
        return this;
    }

    public ReportBuilder WithNarrative(string sentence)
    {
        _narrative.Add(sentence);
        return this;
    }

    /// <summary>Replaces the prose of narrative section 1, 5 or 6 (paragraphs separated by '\n').</summary>
    public ReportBuilder WithSectionText(int section, string text)
    {
        _sectionTexts[section] = text;
        return this;
    }

    public ReportBuilder TruncateTable3After(int rows)
    {
        _truncateTable3AfterRows = rows;
        return this;
    }

    public ReportBuilder WithoutTable4()
    {
        _omitTable4 = true;
        return this;
    }

    public ReportBuilder WithAmountHeaderUnit(string unitText)
    {
        _amountHeaderUnit = unitText;
        return this;
    }

    /// <summary>A 2021-format report that keeps the 2019 single （六）其他处理 row (a real mixture).</summary>
    public ReportBuilder WithOldSingleOtherRow()
    {
        _oldSingleOtherRow = true;
        return this;
    }

    public decimal Value(string key) => decimal.Parse(_cells[key], CultureInfo.InvariantCulture);

    private void FillConsistent()
    {
        // Table 2.
        foreach (var key in CanonicalKeys.Table2Keys(Version))
        {
            _cells[key] = (StableHash(key) % 40).ToString(CultureInfo.InvariantCulture);
        }

        if (Version == TemplateVersion.V2019)
        {
            _cells["t2.procurement.amount"] = "843.3519";
        }
        else
        {
            _cells["t2.fees.amount"] = "12.5";
            _cells["t2.regulations.in_force"] = "7";
        }

        // Table 3: a few applications spread over outcomes; rows and columns add up, balance holds.
        var rows = CanonicalKeys.Table3Rows(Version);
        foreach (var row in rows)
        {
            foreach (var c in CanonicalKeys.Table3Columns)
            {
                _cells[$"t3.{row}.{c}"] = "0";
            }
        }

        void Put(string row, decimal natural, decimal commercial)
        {
            _cells[$"t3.{row}.natural"] = natural.ToString(CultureInfo.InvariantCulture);
            _cells[$"t3.{row}.commercial"] = commercial.ToString(CultureInfo.InvariantCulture);
            _cells[$"t3.{row}.total"] = (natural + commercial).ToString(CultureInfo.InvariantCulture);
        }

        Put("new_received", 20, 3);
        Put("carried_over", 2, 0);
        Put("granted", 10, 1);
        Put("partially_granted", 3, 1);
        Put("denied_third_party", 1, 0);
        Put("unable_not_held", 4, 0);
        Put("rejected_duplicate", 1, 0);
        Put(Version == TemplateVersion.V2019 ? "other" : "other_other", 1, 0);
        Put("results_total", 20, 2);
        Put("carried_forward", 2, 1);

        // Table 4.
        foreach (var g in CanonicalKeys.Table4Groups)
        {
            _cells[$"t4.{g}.upheld"] = "1";
            _cells[$"t4.{g}.corrected"] = "1";
            _cells[$"t4.{g}.other"] = "0";
            _cells[$"t4.{g}.pending"] = "1";
            _cells[$"t4.{g}.total"] = "3";
        }
    }

    // string.GetHashCode is randomised per process; a report built twice must print the same figures (FNV-1a).
    private static uint StableHash(string key)
    {
        var hash = 2166136261u;
        foreach (var ch in key)
        {
            hash = unchecked((hash ^ ch) * 16777619u);
        }

        return hash;
    }

    public byte[] BuildBytes(Encoding? encoding = null) => (encoding ?? new UTF8Encoding(false)).GetBytes(Build());

    public string Build()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{Agency}{Year}年政府信息公开工作年度报告").AppendLine();
        Section(sb, 1, OfficialTemplate.SectionTitle(1), () =>
        {
            sb.AppendLine(_sectionTexts.GetValueOrDefault(1, $"{Year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息 1234 条。"));
            foreach (var n in _narrative)
            {
                sb.AppendLine(n);
            }
        });
        Section(sb, 2, OfficialTemplate.SectionTitle(2), () => Table2(sb));
        Section(sb, 3, OfficialTemplate.SectionTitle(3), () => Table3(sb));
        Section(sb, 4, OfficialTemplate.SectionTitle(4), () =>
        {
            if (!_omitTable4)
            {
                Table4(sb);
            }
        });
        Section(sb, 5, OfficialTemplate.SectionTitle(5), () => sb.AppendLine(_sectionTexts.GetValueOrDefault(5, "一是公开内容还不够丰富；二是解读形式有待创新。下一步将持续改进。")));
        Section(sb, 6, OfficialTemplate.SectionTitle(6), () => sb.AppendLine(_sectionTexts.GetValueOrDefault(6, "本年度未收取信息处理费。")));
        return sb.ToString();
    }

    private void Section(StringBuilder sb, int number, string heading, Action body)
    {
        if (!_omitSections.Contains(number))
        {
            sb.AppendLine(heading).AppendLine();
        }

        body();
        sb.AppendLine();
    }

    private string V(string key) => _cells.TryGetValue(key, out var v) ? v : string.Empty;

    private void Row(StringBuilder sb, string label, params string[] keys) => sb.AppendLine(string.Join('\t', new[] { label }.Concat(keys.Where(k => !_dropped.Contains(k)).Select(V))));

    private void Table2(StringBuilder sb)
    {
        // Each block: the 第二十条 item, the header row padded to three value columns, then its rows.
        foreach (var (item, columns, rows) in OfficialTemplate.Table2(Version))
        {
            var headers = Enumerable.Range(0, 3).Select(i => i >= columns.Count ? "" : columns[i].Key == "amount" ? columns[i].Header + _amountHeaderUnit : columns[i].Header);
            sb.AppendLine($"{item}\t\t\t").AppendLine(string.Join('\t', [OfficialTemplate.Table2LabelHeader, .. headers]));
            foreach (var row in rows)
            {
                Row(sb, row.Label, [.. columns.Select(c => $"t2.{row.Key}.{c.Key}")]);
            }
        }
    }

    /// <summary>
    /// Table 3's label cells per row key (both formats), tab-separated the way the seeds' text extraction prints them:
    /// (一) with ASCII brackets, a group's label on its first item only, single rows after the groups padded to the item column.
    /// </summary>
    private static readonly Dictionary<string, string> Table3Labels = Table3LabelCells();

    private static Dictionary<string, string> Table3LabelCells()
    {
        static string Ascii(string label) => label.StartsWith('（') && label.IndexOf('）') is var close and > 0
            ? $"({label[1..close]}) {label[(close + 1)..]}" : label;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var version in new[] { TemplateVersion.V2021, TemplateVersion.V2019 })
        {
            foreach (var row in OfficialTemplate.Table3Opening)
            {
                labels.TryAdd(row.Key, row.Label + "\t");
            }

            var (first, afterGroup) = (true, false);
            foreach (var (group, items) in OfficialTemplate.Table3Outcomes(version))
            {
                for (var i = 0; i < items.Count; i++)
                {
                    var part = first ? OfficialTemplate.Table3OutcomesLabel : "";
                    first = false;
                    labels.TryAdd(items[i].Key, group is null
                        ? $"{part}\t{Ascii(items[i].Label)}{(afterGroup ? "\t" : "")}"
                        : $"{part}\t{(i == 0 ? Ascii(group) : "")}\t{items[i].Label}");
                }

                afterGroup |= group is not null;
            }

            labels.TryAdd(OfficialTemplate.Table3Closing.Key, OfficialTemplate.Table3Closing.Label + "\t\t");
        }

        return labels;
    }

    private void Table3(StringBuilder sb)
    {
        // The merged header as a text extraction flattens it: the note (ASCII brackets), 申请人情况, then two header lines.
        var columns = OfficialTemplate.Table3Columns;
        sb.AppendLine($"({OfficialTemplate.Table3BalanceNote[1..^1]})\t\t\t{OfficialTemplate.Table3ApplicantsHeader}\t\t\t\t\t\t");
        sb.AppendLine($"\t\t\t{columns[0].Header}\t{OfficialTemplate.Table3OrganisationsHeader}\t\t\t\t\t{columns[^1].Header}");
        sb.AppendLine(string.Join('\t', ["", "", "", "", .. columns.Skip(1).Take(5).Select(c => c.Header), ""]));
        var rows = CanonicalKeys.Table3Rows(Version).ToList();
        if (_oldSingleOtherRow && Version == TemplateVersion.V2021)
        {
            var first = rows.IndexOf("other_no_correction");
            rows.RemoveRange(first, 3);
            rows.Insert(first, "other");
            foreach (var c in CanonicalKeys.Table3Columns)
            {
                _cells[$"t3.other.{c}"] = V($"t3.other_other.{c}");
            }
        }

        var count = 0;
        foreach (var row in rows)
        {
            if (_truncateTable3AfterRows is { } n && count++ >= n)
            {
                break;
            }

            Row(sb, Table3Labels[row], CanonicalKeys.Table3Columns.Select(c => $"t3.{row}.{c}").ToArray());
        }
    }

    private void Table4(StringBuilder sb)
    {
        var groups = OfficialTemplate.Table4Groups;
        var headers = OfficialTemplate.Table4Columns.Select(c => c.Header).ToList();
        sb.AppendLine($"{groups[0].Label}\t\t\t\t\t{OfficialTemplate.Table4LawsuitsHeader}\t\t\t\t\t\t\t\t\t");
        sb.AppendLine($"{string.Join('\t', headers)}\t{groups[1].Label}\t\t\t\t\t{groups[2].Label}\t\t\t\t");
        sb.AppendLine(string.Join('\t', ["", "", "", "", "", .. headers, .. headers]));
        sb.AppendLine(string.Join('\t', CanonicalKeys.Table4Keys().Select(V)));
    }
}
