using Disclosure.Core.Contract;
using Disclosure.Core.Vocabulary;

namespace Disclosure.Review;

/// <summary>A header or label cell of an official table, with its spans.</summary>
internal sealed record LabelCell(string Text, int RowSpan = 1, int ColumnSpan = 1);

/// <summary>One row of an official table: its label cells (left to right) and the canonical keys of its value cells, or header cells only.</summary>
internal sealed record TableRow(IReadOnlyList<LabelCell> Labels, IReadOnlyList<string> Keys, bool Header = false)
{
    /// <summary>Columns the last value cell spans (table 2's one-column blocks under three-column ones).</summary>
    public int LastSpan { get; init; } = 1;
}

/// <summary>One official table as printed, for one format: caption and rows.</summary>
internal sealed record OfficialTable(int Number, string Caption, IReadOnlyList<TableRow> Rows)
{
    public IEnumerable<string> Keys => Rows.SelectMany(r => r.Keys);
}

/// <summary>
/// Tables 2, 3 and 4 in the official layouts (国办公开办函〔2019〕60号 and 〔2021〕30号; labels and keys from
/// <see cref="OfficialTemplate"/>), and the official name of every canonical cell (表3 “（二）部分公开” 行 “自然人” 列), so a page never shows a key.
/// </summary>
internal static class OfficialTables
{
    public static OfficialTable Table2(TemplateVersion version)
    {
        var rows = new List<TableRow>();
        const int width = 3; // value columns of the widest block; narrower blocks widen their last column, as the template does
        foreach (var (item, columns, items) in OfficialTemplate.Table2(version))
        {
            var last = width - columns.Count + 1;
            rows.Add(new TableRow([new LabelCell(item, ColumnSpan: width + 1)], [], Header: true));
            rows.Add(new TableRow([new LabelCell(OfficialTemplate.Table2LabelHeader), .. columns.Select((c, i) => new LabelCell(c.Printed, ColumnSpan: i == columns.Count - 1 ? last : 1))], [], Header: true));
            rows.AddRange(items.Select(r => new TableRow([new LabelCell(r.Label)], columns.Select(c => $"t2.{r.Key}.{c.Key}").ToList()) { LastSpan = last }));
        }

        return new OfficialTable(2, OfficialTemplate.SectionTitle(2), rows);
    }

    public static OfficialTable Table3(TemplateVersion version)
    {
        var columns = OfficialTemplate.Table3Columns;
        var keys = (string row) => columns.Select(c => $"t3.{row}.{c.Key}").ToList();
        var rows = new List<TableRow>
        {
            new([new LabelCell(OfficialTemplate.Table3BalanceNote, 3, 3), new LabelCell(OfficialTemplate.Table3ApplicantsHeader, ColumnSpan: 7)], [], Header: true),
            new([new LabelCell(columns[0].Header, RowSpan: 2), new LabelCell(OfficialTemplate.Table3OrganisationsHeader, ColumnSpan: 5), new LabelCell(columns[^1].Header, RowSpan: 2)], [], Header: true),
            new(columns.Skip(1).Take(5).Select(c => new LabelCell(c.Header)).ToList(), [], Header: true),
        };
        rows.AddRange(OfficialTemplate.Table3Opening.Select(r => new TableRow([new LabelCell(r.Label, ColumnSpan: 3)], keys(r.Key))));

        var outcomes = OfficialTemplate.Table3Outcomes(version);
        var span = outcomes.Sum(o => o.Items.Count);
        var first = true;
        foreach (var (group, items) in outcomes)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var labels = new List<LabelCell>();
                if (first)
                {
                    labels.Add(new LabelCell(OfficialTemplate.Table3OutcomesLabel, RowSpan: span));
                    first = false;
                }

                if (group is null)
                {
                    labels.Add(new LabelCell(items[i].Label, ColumnSpan: 2));
                }
                else
                {
                    if (i == 0)
                    {
                        labels.Add(new LabelCell(group, RowSpan: items.Count));
                    }

                    labels.Add(new LabelCell(items[i].Label));
                }

                rows.Add(new TableRow(labels, keys(items[i].Key)));
            }
        }

        rows.Add(new TableRow([new LabelCell(OfficialTemplate.Table3Closing.Label, ColumnSpan: 3)], keys(OfficialTemplate.Table3Closing.Key)));
        return new OfficialTable(3, OfficialTemplate.SectionTitle(3), rows);
    }

    public static OfficialTable Table4()
    {
        var (review, direct, afterReview) = (OfficialTemplate.Table4Groups[0], OfficialTemplate.Table4Groups[1], OfficialTemplate.Table4Groups[2]);
        var columns = OfficialTemplate.Table4Columns;
        return new(4, OfficialTemplate.SectionTitle(4),
        [
            new([new LabelCell(review.Label, ColumnSpan: 5), new LabelCell(OfficialTemplate.Table4LawsuitsHeader, ColumnSpan: 10)], [], Header: true),
            new([.. columns.Select(c => new LabelCell(c.Header, RowSpan: 2)), new LabelCell(direct.Label, ColumnSpan: 5), new LabelCell(afterReview.Label, ColumnSpan: 5)], [], Header: true),
            new([.. columns.Select(c => new LabelCell(c.Header)), .. columns.Select(c => new LabelCell(c.Header))], [], Header: true),
            new([], OfficialTemplate.Table4Groups.SelectMany(g => columns.Select(c => $"t4.{g.Key}.{c.Key}")).ToList()),
        ]);
    }

    private static readonly Lazy<Dictionary<string, string>> Names = new(() =>
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var version in new[] { TemplateVersion.V2021, TemplateVersion.V2019 })
        {
            foreach (var (_, columns, items) in OfficialTemplate.Table2(version))
            {
                foreach (var r in items)
                {
                    foreach (var c in columns)
                    {
                        names.TryAdd($"t2.{r.Key}.{c.Key}", $"表2 “{r.Label}” 行 “{c.Printed}” 列");
                    }
                }
            }

            foreach (var (group, items) in OfficialTemplate.Table3Outcomes(version).Append(new OutcomeGroup(null, [.. OfficialTemplate.Table3Opening, OfficialTemplate.Table3Closing])))
            {
                foreach (var (row, label) in items)
                {
                    var rowName = group is null ? ShortLabel(label) : $"{group}{label}";
                    foreach (var (column, header, _) in OfficialTemplate.Table3Columns)
                    {
                        var columnName = column is "natural" or "total" ? header : $"{OfficialTemplate.Table3OrganisationsHeader}—{header}";
                        names.TryAdd($"t3.{row}.{column}", $"表3 “{rowName}” 行 “{columnName}” 列");
                    }
                }
            }
        }

        foreach (var (group, label, parent) in OfficialTemplate.Table4Groups)
        {
            foreach (var (column, header, _) in OfficialTemplate.Table4Columns)
            {
                names[$"t4.{group}.{column}"] = $"表4 “{(parent is null ? label : $"{parent} {label}")}” 下 “{header}” 列";
            }
        }

        return names;
    });

    /// <summary>The official name of a canonical cell; a key outside the contract is named by its table only.</summary>
    public static string Name(string key) =>
        Names.Value.TryGetValue(key, out var name) ? name
        : key.Length > 1 && key[0] == 't' && char.IsAsciiDigit(key[1]) ? $"表{key[1]}中一个不在统一格式中的单元格" : "一个单元格";

    /// <summary>The printed row label without the long parenthetical note: （二）部分公开.</summary>
    private static string ShortLabel(string label)
    {
        var cut = label.IndexOf("（区分", StringComparison.Ordinal);
        return cut > 0 ? label[..cut] : label;
    }
}
