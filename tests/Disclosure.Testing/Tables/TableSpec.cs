using Disclosure.Core.Contract;
using Disclosure.Core.Vocabulary;

namespace Disclosure.Testing;

/// <summary>One cell as an author writes it in HTML terms: text with row and column spans.</summary>
public sealed record SpecCell(string Text, int RowSpan = 1, int ColumnSpan = 1, bool Header = false);

/// <summary>A table as authored (HTML semantics: a row lists only the cells that start in it).</summary>
public sealed record TableSpec(IReadOnlyList<IReadOnlyList<SpecCell>> Rows, int Columns);

/// <summary>
/// The official merged layouts of tables 3 and 4 (国办公开办函〔2019〕60号 and 〔2021〕30号; labels from <see cref="OfficialTemplate"/>), filled with a report's numbers.
/// Table 3 has three label columns then 自然人, five 法人或其他组织 columns and 总计.
/// </summary>
public static class OfficialTableSpecs
{
    public const string BalanceNote = OfficialTemplate.Table3BalanceNote;

    public static readonly string[] OrgColumns = [.. OfficialTemplate.Table3Columns.Skip(1).Take(5).Select(c => c.Header)];

    /// <summary>The item labels of the 2021 （六）其他处理 group.</summary>
    public static readonly string[] Other2021 = [.. OfficialTemplate.Table3Outcomes(TemplateVersion.V2021).Single(g => g.Label == "（六）其他处理").Items.Select(i => i.Label)];

    /// <summary>Table 3; <paramref name="values"/> has 23 rows (2019 format) or 25 rows (2021 format) of 7 numbers.</summary>
    public static TableSpec Table3(IReadOnlyList<string[]> values, bool headerCells)
    {
        var is2021 = values.Count == 25;
        if (!is2021 && values.Count != 23)
        {
            throw new ArgumentException($"table 3 needs 23 or 25 rows of numbers, got {values.Count}");
        }

        var columns = OfficialTemplate.Table3Columns;
        var rows = new List<IReadOnlyList<SpecCell>>
        {
            new[] { new SpecCell(BalanceNote, 3, 3, headerCells), new SpecCell(OfficialTemplate.Table3ApplicantsHeader, 1, 7, headerCells) },
            new[] { new SpecCell(columns[0].Header, 2, 1, headerCells), new SpecCell(OfficialTemplate.Table3OrganisationsHeader, 1, 5, headerCells), new SpecCell(columns[^1].Header, 2, 1, headerCells) },
            OrgColumns.Select(c => new SpecCell(c, Header: headerCells)).ToArray(),
        };

        var v = 0;
        IReadOnlyList<SpecCell> Row(params SpecCell[] labels) => labels.Concat(values[v++].Select(n => new SpecCell(n))).ToArray();

        foreach (var row in OfficialTemplate.Table3Opening)
        {
            rows.Add(Row(new SpecCell(row.Label, 1, 3)));
        }

        // 三、本年度办理结果 spans the outcome rows; a group's label spans its items; a single row spans both label columns.
        var outcomes = OfficialTemplate.Table3Outcomes(is2021 ? TemplateVersion.V2021 : TemplateVersion.V2019);
        var first = true;
        foreach (var (group, items) in outcomes)
        {
            for (var i = 0; i < items.Count; i++)
            {
                var labels = new List<SpecCell>();
                if (first)
                {
                    labels.Add(new SpecCell(OfficialTemplate.Table3OutcomesLabel, outcomes.Sum(g => g.Items.Count)));
                    first = false;
                }

                if (group is null)
                {
                    labels.Add(new SpecCell(items[i].Label, 1, 2));
                }
                else
                {
                    if (i == 0)
                    {
                        labels.Add(new SpecCell(group, items.Count));
                    }

                    labels.Add(new SpecCell(items[i].Label));
                }

                rows.Add(Row([.. labels]));
            }
        }

        rows.Add(Row(new SpecCell(OfficialTemplate.Table3Closing.Label, 1, 3)));
        return new TableSpec(rows, 10);
    }

    /// <summary>Table 4: 行政复议 (5 columns) and 行政诉讼 (10: 未经复议直接起诉 5, 复议后起诉 5), one row of 15 numbers.</summary>
    public static TableSpec Table4(string[] values, bool headerCells)
    {
        var results = OfficialTemplate.Table4Columns.Select(c => c.Header).ToArray();
        var groups = OfficialTemplate.Table4Groups;
        var rows = new List<IReadOnlyList<SpecCell>>
        {
            new[] { new SpecCell(groups[0].Label, 1, 5, headerCells), new SpecCell(OfficialTemplate.Table4LawsuitsHeader, 1, 10, headerCells) },
            results.Select(r => new SpecCell(r, 2, 1, headerCells))
                .Append(new SpecCell(groups[1].Label, 1, 5, headerCells))
                .Append(new SpecCell(groups[2].Label, 1, 5, headerCells)).ToArray(),
            results.Concat(results).Select(r => new SpecCell(r, Header: headerCells)).ToArray(),
            values.Select(n => new SpecCell(n)).ToArray(),
        };
        return new TableSpec(rows, 15);
    }

    /// <summary>Table 2 as the seed prints it (tab-separated, 4 columns): a row's last filled cell spans the rest.</summary>
    public static TableSpec Table2(IReadOnlyList<string> lines)
    {
        var rows = new List<IReadOnlyList<SpecCell>>();
        foreach (var line in lines)
        {
            var parts = line.Split('\t').Select(p => p.Trim()).ToArray();
            var last = Array.FindLastIndex(parts, p => p.Length > 0);
            if (last < 0)
            {
                continue;
            }

            var header = parts[0].StartsWith("第二十条", StringComparison.Ordinal) || parts[0] == "信息内容";
            rows.Add(parts.Take(last + 1).Select((p, i) => new SpecCell(p, 1, i == last ? 4 - last : 1, header)).ToArray());
        }

        return new TableSpec(rows, 4);
    }

    /// <summary>Grid placement of a spec (the HTML table model), for builders that need explicit columns (DOCX).</summary>
    public static IReadOnlyList<IReadOnlyList<(int Column, SpecCell Cell, bool Continuation)>> Place(TableSpec table)
    {
        var rowCount = table.Rows.Count;
        var taken = new HashSet<(int, int)>();
        var placed = Enumerable.Range(0, rowCount).Select(_ => new List<(int, SpecCell, bool)>()).ToArray();
        for (var r = 0; r < rowCount; r++)
        {
            var c = 0;
            foreach (var cell in table.Rows[r])
            {
                while (taken.Contains((r, c)))
                {
                    c++;
                }

                for (var dr = 0; dr < cell.RowSpan; dr++)
                {
                    for (var dc = 0; dc < cell.ColumnSpan; dc++)
                    {
                        taken.Add((r + dr, c + dc));
                    }

                    placed[r + dr].Add((c, cell, dr > 0));
                }

                c += cell.ColumnSpan;
            }
        }

        return placed.Select(p => (IReadOnlyList<(int, SpecCell, bool)>)p.OrderBy(x => x.Item1).ToList()).ToList();
    }
}
