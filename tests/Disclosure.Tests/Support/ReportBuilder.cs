using System.Globalization;
using System.Text;
using Disclosure.Core.Contract;

namespace Disclosure.Tests.Support;

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
            _cells[key] = (Math.Abs(key.GetHashCode(StringComparison.Ordinal)) % 40).ToString(CultureInfo.InvariantCulture);
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

    public byte[] BuildBytes(Encoding? encoding = null) => (encoding ?? new UTF8Encoding(false)).GetBytes(Build());

    public string Build()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"{Agency}{Year}年政府信息公开工作年度报告").AppendLine();
        Section(sb, 1, "一、总体情况", () =>
        {
            sb.AppendLine(_sectionTexts.GetValueOrDefault(1, $"{Year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息 1234 条。"));
            foreach (var n in _narrative)
            {
                sb.AppendLine(n);
            }
        });
        Section(sb, 2, "二、主动公开政府信息情况", () => Table2(sb));
        Section(sb, 3, "三、收到和处理政府信息公开申请情况", () => Table3(sb));
        Section(sb, 4, "四、政府信息公开行政复议、行政诉讼情况", () =>
        {
            if (!_omitTable4)
            {
                Table4(sb);
            }
        });
        Section(sb, 5, "五、存在的主要问题及改进情况", () => sb.AppendLine(_sectionTexts.GetValueOrDefault(5, "一是公开内容还不够丰富；二是解读形式有待创新。下一步将持续改进。")));
        Section(sb, 6, "六、其他需要报告的事项", () => sb.AppendLine(_sectionTexts.GetValueOrDefault(6, "本年度未收取信息处理费。")));
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
        if (Version == TemplateVersion.V2019)
        {
            sb.AppendLine("第二十条第（一）项\t\t\t").AppendLine("信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量");
            Row(sb, "规章", "t2.regulations.made", "t2.regulations.published", "t2.regulations.total");
            Row(sb, "规范性文件", "t2.normative_docs.made", "t2.normative_docs.published", "t2.normative_docs.total");
            sb.AppendLine("第二十条第（五）项\t\t\t").AppendLine("信息内容\t上一年项目数量\t本年增/减\t处理决定数量");
            Row(sb, "行政许可", "t2.licensing.previous", "t2.licensing.change", "t2.licensing.decisions");
            Row(sb, "其他对外管理服务事项", "t2.other_services.previous", "t2.other_services.change", "t2.other_services.decisions");
            sb.AppendLine("第二十条第（六）项\t\t\t").AppendLine("信息内容\t上一年项目数量\t本年增/减\t处理决定数量");
            Row(sb, "行政处罚", "t2.penalty.previous", "t2.penalty.change", "t2.penalty.decisions");
            Row(sb, "行政强制", "t2.enforcement.previous", "t2.enforcement.change", "t2.enforcement.decisions");
            sb.AppendLine("第二十条第（八）项\t\t\t").AppendLine("信息内容\t上一年项目数量\t本年增/减\t");
            Row(sb, "行政事业性收费", "t2.fees.previous", "t2.fees.change");
            sb.AppendLine("第二十条第（九）项\t\t\t").AppendLine($"信息内容\t采购项目数量\t采购总金额{_amountHeaderUnit}\t");
            Row(sb, "政府集中采购", "t2.procurement.count", "t2.procurement.amount");
            return;
        }

        sb.AppendLine("第二十条第（一）项\t\t\t").AppendLine("信息内容\t本年制发件数\t本年废止件数\t现行有效件数");
        Row(sb, "规章", "t2.regulations.issued", "t2.regulations.repealed", "t2.regulations.in_force");
        Row(sb, "行政规范性文件", "t2.normative_docs.issued", "t2.normative_docs.repealed", "t2.normative_docs.in_force");
        sb.AppendLine("第二十条第（五）项\t\t\t").AppendLine("信息内容\t本年处理决定数量\t\t");
        Row(sb, "行政许可", "t2.licensing.decisions");
        sb.AppendLine("第二十条第（六）项\t\t\t").AppendLine("信息内容\t本年处理决定数量\t\t");
        Row(sb, "行政处罚", "t2.penalty.decisions");
        Row(sb, "行政强制", "t2.enforcement.decisions");
        sb.AppendLine("第二十条第（八）项\t\t\t").AppendLine($"信息内容\t本年收费金额{_amountHeaderUnit}\t\t");
        Row(sb, "行政事业性收费", "t2.fees.amount");
    }

    private static readonly Dictionary<string, string> Table3Labels = new(StringComparer.Ordinal)
    {
        ["new_received"] = "一、本年新收政府信息公开申请数量\t",
        ["carried_over"] = "二、上年结转政府信息公开申请数量\t",
        ["granted"] = "三、本年度办理结果\t(一) 予以公开",
        ["partially_granted"] = "\t(二) 部分公开（区分处理的，只计这一情形，不计其他情形）",
        ["denied_state_secret"] = "\t(三) 不予公开\t1.属于国家秘密",
        ["denied_prohibited_by_law"] = "\t\t2.其他法律行政法规禁止公开",
        ["denied_three_safety"] = "\t\t3.危及“三安全一稳定”",
        ["denied_third_party"] = "\t\t4.保护第三方合法权益",
        ["denied_internal_affairs"] = "\t\t5.属于三类内部事务信息",
        ["denied_process_info"] = "\t\t6.属于四类过程性信息",
        ["denied_enforcement_case"] = "\t\t7.属于行政执法案卷",
        ["denied_inquiry"] = "\t\t8.属于行政查询事项",
        ["unable_not_held"] = "\t(四) 无法提供\t1.本机关不掌握相关政府信息",
        ["unable_needs_creation"] = "\t\t2.没有现成信息需要另行制作",
        ["unable_unclear"] = "\t\t3.补正后申请内容仍不明确",
        ["rejected_petition"] = "\t(五) 不予处理\t1.信访举报投诉类申请",
        ["rejected_duplicate"] = "\t\t2.重复申请",
        ["rejected_publication"] = "\t\t3.要求提供公开出版物",
        ["rejected_excessive"] = "\t\t4.无正当理由大量反复申请",
        ["rejected_confirmation"] = "\t\t5.要求行政机关确认或重新出具已获取信息",
        ["other"] = "\t(六) 其他处理\t",
        ["other_no_correction"] = "\t(六) 其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        ["other_no_fee"] = "\t\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ["other_other"] = "\t\t3.其他",
        ["results_total"] = "\t(七) 总计\t",
        ["carried_forward"] = "四、结转下年度继续办理\t\t",
    };

    private void Table3(StringBuilder sb)
    {
        sb.AppendLine("(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t\t申请人情况\t\t\t\t\t\t");
        sb.AppendLine("\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计");
        sb.AppendLine("\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t");
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
        sb.AppendLine("行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t");
        sb.AppendLine("结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t");
        sb.AppendLine("\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计");
        sb.AppendLine(string.Join('\t', CanonicalKeys.Table4Keys().Select(V)));
    }
}
