namespace Disclosure.Tests.Readers.Support;

/// <summary>One cell as an author writes it in HTML terms: text with row and column spans.</summary>
internal sealed record SpecCell(string Text, int RowSpan = 1, int ColumnSpan = 1, bool Header = false);

/// <summary>A table as authored (HTML semantics: a row lists only the cells that start in it).</summary>
internal sealed record TableSpec(IReadOnlyList<IReadOnlyList<SpecCell>> Rows, int Columns);

/// <summary>
/// The official merged layouts of tables 3 and 4 (国办公开办函〔2019〕60号 and 〔2021〕30号), filled with a report's numbers.
/// Table 3 has three label columns then 自然人, five 法人或其他组织 columns and 总计.
/// </summary>
internal static class OfficialTables
{
    public const string BalanceNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    public static readonly string[] OrgColumns = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"];

    public static readonly string[] Denied =
    [
        "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
        "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
    ];

    public static readonly string[] Unable = ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"];

    public static readonly string[] Rejected =
    [
        "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
    ];

    public static readonly string[] Other2021 =
    [
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
    ];

    /// <summary>Table 3; <paramref name="values"/> has 23 rows (2019 format) or 25 rows (2021 format) of 7 numbers.</summary>
    public static TableSpec Table3(IReadOnlyList<string[]> values, bool headerCells)
    {
        var is2021 = values.Count == 25;
        if (!is2021 && values.Count != 23)
        {
            throw new ArgumentException($"table 3 needs 23 or 25 rows of numbers, got {values.Count}");
        }

        var rows = new List<IReadOnlyList<SpecCell>>
        {
            new[] { new SpecCell(BalanceNote, 3, 3, headerCells), new SpecCell("申请人情况", 1, 7, headerCells) },
            new[] { new SpecCell("自然人", 2, 1, headerCells), new SpecCell("法人或其他组织", 1, 5, headerCells), new SpecCell("总计", 2, 1, headerCells) },
            OrgColumns.Select(c => new SpecCell(c, Header: headerCells)).ToArray(),
        };

        var v = 0;
        IReadOnlyList<SpecCell> Row(params SpecCell[] labels) => labels.Concat(values[v++].Select(n => new SpecCell(n))).ToArray();

        rows.Add(Row(new SpecCell("一、本年新收政府信息公开申请数量", 1, 3)));
        rows.Add(Row(new SpecCell("二、上年结转政府信息公开申请数量", 1, 3)));
        var resultsRows = is2021 ? 22 : 20;
        rows.Add(Row(new SpecCell("三、本年度办理结果", resultsRows), new SpecCell("（一）予以公开", 1, 2)));
        rows.Add(Row(new SpecCell("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, 2)));
        for (var i = 0; i < Denied.Length; i++)
        {
            rows.Add(i == 0 ? Row(new SpecCell("（三）不予公开", 8), new SpecCell(Denied[i])) : Row(new SpecCell(Denied[i])));
        }

        for (var i = 0; i < Unable.Length; i++)
        {
            rows.Add(i == 0 ? Row(new SpecCell("（四）无法提供", 3), new SpecCell(Unable[i])) : Row(new SpecCell(Unable[i])));
        }

        for (var i = 0; i < Rejected.Length; i++)
        {
            rows.Add(i == 0 ? Row(new SpecCell("（五）不予处理", 5), new SpecCell(Rejected[i])) : Row(new SpecCell(Rejected[i])));
        }

        if (is2021)
        {
            for (var i = 0; i < Other2021.Length; i++)
            {
                rows.Add(i == 0 ? Row(new SpecCell("（六）其他处理", 3), new SpecCell(Other2021[i])) : Row(new SpecCell(Other2021[i])));
            }
        }
        else
        {
            rows.Add(Row(new SpecCell("（六）其他处理", 1, 2)));
        }

        rows.Add(Row(new SpecCell("（七）总计", 1, 2)));
        rows.Add(Row(new SpecCell("四、结转下年度继续办理", 1, 3)));
        return new TableSpec(rows, 10);
    }

    /// <summary>Table 4: 行政复议 (5 columns) and 行政诉讼 (10: 未经复议直接起诉 5, 复议后起诉 5), one row of 15 numbers.</summary>
    public static TableSpec Table4(string[] values, bool headerCells)
    {
        string[] results = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        var rows = new List<IReadOnlyList<SpecCell>>
        {
            new[] { new SpecCell("行政复议", 1, 5, headerCells), new SpecCell("行政诉讼", 1, 10, headerCells) },
            results.Select(r => new SpecCell(r, 2, 1, headerCells))
                .Append(new SpecCell("未经复议直接起诉", 1, 5, headerCells))
                .Append(new SpecCell("复议后起诉", 1, 5, headerCells)).ToArray(),
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
