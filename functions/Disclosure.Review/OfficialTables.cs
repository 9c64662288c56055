using Disclosure.Core.Contract;

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
/// Tables 2, 3 and 4 in the official layouts (国办公开办函〔2019〕60号 and 〔2021〕30号), with the labels the template prints,
/// and the official name of every canonical cell (表3 “（二）部分公开” 行 “自然人” 列), so a page never shows a key.
/// </summary>
internal static class OfficialTables
{
    private static readonly (string Key, string Header)[] Table3Columns =
        [("natural", "自然人"), ("commercial", "商业企业"), ("research", "科研机构"), ("social", "社会公益组织"), ("legal", "法律服务机构"), ("other_org", "其他"), ("total", "总计")];

    private static readonly (string Key, string Header)[] Table4Columns =
        [("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结"), ("total", "总计")];

    private static readonly (string Key, string Label)[] Table4Groups =
        [("review", "行政复议"), ("suit_direct", "行政诉讼 未经复议直接起诉"), ("suit_after_review", "行政诉讼 复议后起诉")];

    /// <summary>Table-3 outcome groups as printed: group label and its items (key, item label); a null group label is a single row.</summary>
    private static IReadOnlyList<(string? Group, (string Key, string Label)[] Items)> Outcomes(TemplateVersion version) =>
    [
        (null, [("granted", "（一）予以公开")]),
        (null, [("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")]),
        ("（三）不予公开",
        [
            ("denied_state_secret", "1.属于国家秘密"), ("denied_prohibited_by_law", "2.其他法律行政法规禁止公开"),
            ("denied_three_safety", "3.危及“三安全一稳定”"), ("denied_third_party", "4.保护第三方合法权益"),
            ("denied_internal_affairs", "5.属于三类内部事务信息"), ("denied_process_info", "6.属于四类过程性信息"),
            ("denied_enforcement_case", "7.属于行政执法案卷"), ("denied_inquiry", "8.属于行政查询事项"),
        ]),
        ("（四）无法提供",
        [("unable_not_held", "1.本机关不掌握相关政府信息"), ("unable_needs_creation", "2.没有现成信息需要另行制作"), ("unable_unclear", "3.补正后申请内容仍不明确")]),
        ("（五）不予处理",
        [
            ("rejected_petition", "1.信访举报投诉类申请"), ("rejected_duplicate", "2.重复申请"), ("rejected_publication", "3.要求提供公开出版物"),
            ("rejected_excessive", "4.无正当理由大量反复申请"), ("rejected_confirmation", "5.要求行政机关确认或重新出具已获取信息"),
        ]),
        version == TemplateVersion.V2019
            ? (null, [("other", "（六）其他处理")])
            : ("（六）其他处理",
            [
                ("other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
                ("other_no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
                ("other_other", "3.其他"),
            ]),
        (null, [("results_total", "（七）总计")]),
    ];

    private static readonly (string Key, string Label)[] Table3Plain =
        [("new_received", "一、本年新收政府信息公开申请数量"), ("carried_over", "二、上年结转政府信息公开申请数量"), ("carried_forward", "四、结转下年度继续办理")];

    /// <summary>Table 2's blocks: the 第二十条 item, its column headers, and its rows (key, label).</summary>
    private static IReadOnlyList<(string Item, (string Key, string Header)[] Columns, (string Key, string Label)[] Rows)> Table2Blocks(TemplateVersion version) =>
        version == TemplateVersion.V2019
            ?
            [
                ("第二十条第（一）项", [("made", "本年新制作数量"), ("published", "本年新公开数量"), ("total", "对外公开总数量")],
                    [("regulations", "规章"), ("normative_docs", "规范性文件")]),
                ("第二十条第（五）项", [("previous", "上一年项目数量"), ("change", "本年增/减"), ("decisions", "处理决定数量")],
                    [("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")]),
                ("第二十条第（六）项", [("previous", "上一年项目数量"), ("change", "本年增/减"), ("decisions", "处理决定数量")],
                    [("penalty", "行政处罚"), ("enforcement", "行政强制")]),
                ("第二十条第（八）项", [("previous", "上一年项目数量"), ("change", "本年增/减")], [("fees", "行政事业性收费")]),
                ("第二十条第（九）项", [("count", "采购项目数量"), ("amount", "采购总金额")], [("procurement", "政府集中采购")]),
            ]
            :
            [
                ("第二十条第（一）项", [("issued", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数")],
                    [("regulations", "规章"), ("normative_docs", "行政规范性文件")]),
                ("第二十条第（五）项", [("decisions", "本年处理决定数量")], [("licensing", "行政许可")]),
                ("第二十条第（六）项", [("decisions", "本年处理决定数量")], [("penalty", "行政处罚"), ("enforcement", "行政强制")]),
                ("第二十条第（八）项", [("amount", "本年收费金额（单位：万元）")], [("fees", "行政事业性收费")]),
            ];

    public static OfficialTable Table2(TemplateVersion version)
    {
        var rows = new List<TableRow>();
        const int width = 3; // value columns of the widest block; narrower blocks widen their last column, as the template does
        foreach (var (item, columns, items) in Table2Blocks(version))
        {
            var last = width - columns.Length + 1;
            rows.Add(new TableRow([new LabelCell(item, ColumnSpan: width + 1)], [], Header: true));
            rows.Add(new TableRow([new LabelCell("信息内容"), .. columns.Select((c, i) => new LabelCell(c.Header, ColumnSpan: i == columns.Length - 1 ? last : 1))], [], Header: true));
            rows.AddRange(items.Select(r => new TableRow([new LabelCell(r.Label)], columns.Select(c => $"t2.{r.Key}.{c.Key}").ToList()) { LastSpan = last }));
        }

        return new OfficialTable(2, "二、主动公开政府信息情况", rows);
    }

    public static OfficialTable Table3(TemplateVersion version)
    {
        var keys = (string row) => Table3Columns.Select(c => $"t3.{row}.{c.Key}").ToList();
        var rows = new List<TableRow>
        {
            new([new LabelCell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), new LabelCell("申请人情况", ColumnSpan: 7)], [], Header: true),
            new([new LabelCell("自然人", RowSpan: 2), new LabelCell("法人或其他组织", ColumnSpan: 5), new LabelCell("总计", RowSpan: 2)], [], Header: true),
            new(Table3Columns.Skip(1).Take(5).Select(c => new LabelCell(c.Header)).ToList(), [], Header: true),
            new([new LabelCell(Table3Plain[0].Label, ColumnSpan: 3)], keys(Table3Plain[0].Key)),
            new([new LabelCell(Table3Plain[1].Label, ColumnSpan: 3)], keys(Table3Plain[1].Key)),
        };

        var outcomes = Outcomes(version);
        var span = outcomes.Sum(o => o.Items.Length);
        var first = true;
        foreach (var (group, items) in outcomes)
        {
            for (var i = 0; i < items.Length; i++)
            {
                var labels = new List<LabelCell>();
                if (first)
                {
                    labels.Add(new LabelCell("三、本年度办理结果", RowSpan: span));
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
                        labels.Add(new LabelCell(group, RowSpan: items.Length));
                    }

                    labels.Add(new LabelCell(items[i].Label));
                }

                rows.Add(new TableRow(labels, keys(items[i].Key)));
            }
        }

        rows.Add(new TableRow([new LabelCell(Table3Plain[2].Label, ColumnSpan: 3)], keys(Table3Plain[2].Key)));
        return new OfficialTable(3, "三、收到和处理政府信息公开申请情况", rows);
    }

    public static OfficialTable Table4() => new(4, "四、政府信息公开行政复议、行政诉讼情况",
    [
        new([new LabelCell("行政复议", ColumnSpan: 5), new LabelCell("行政诉讼", ColumnSpan: 10)], [], Header: true),
        new([.. Table4Columns.Select(c => new LabelCell(c.Header, RowSpan: 2)), new LabelCell("未经复议直接起诉", ColumnSpan: 5), new LabelCell("复议后起诉", ColumnSpan: 5)], [], Header: true),
        new([.. Table4Columns.Select(c => new LabelCell(c.Header)), .. Table4Columns.Select(c => new LabelCell(c.Header))], [], Header: true),
        new([], Table4Groups.SelectMany(g => Table4Columns.Select(c => $"t4.{g.Key}.{c.Key}")).ToList()),
    ]);

    private static readonly Lazy<Dictionary<string, string>> Names = new(() =>
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var version in new[] { TemplateVersion.V2021, TemplateVersion.V2019 })
        {
            foreach (var (_, columns, items) in Table2Blocks(version))
            {
                foreach (var r in items)
                {
                    foreach (var c in columns)
                    {
                        names.TryAdd($"t2.{r.Key}.{c.Key}", $"表2 “{r.Label}” 行 “{c.Header}” 列");
                    }
                }
            }

            foreach (var (group, items) in Outcomes(version).Append((null, Table3Plain)))
            {
                foreach (var (row, label) in items)
                {
                    var rowName = group is null ? ShortLabel(label) : $"{group}{label}";
                    foreach (var (column, header) in Table3Columns)
                    {
                        var columnName = column is "natural" or "total" ? header : $"法人或其他组织—{header}";
                        names.TryAdd($"t3.{row}.{column}", $"表3 “{rowName}” 行 “{columnName}” 列");
                    }
                }
            }
        }

        foreach (var (group, label) in Table4Groups)
        {
            foreach (var (column, header) in Table4Columns)
            {
                names[$"t4.{group}.{column}"] = $"表4 “{label}” 下 “{header}” 列";
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
