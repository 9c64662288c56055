using Disclosure.Core.Contract;

namespace Disclosure.Core.Vocabulary;

/// <summary>A column of an official table: its canonical key and the header the template prints.</summary>
/// <param name="Unit">The unit the template prints after the header (2021: 本年收费金额（单位：万元）), or null.</param>
public sealed record TemplateColumn(string Key, string Header, string? Unit = null)
{
    /// <summary>The header as the template prints it, unit included.</summary>
    public string Printed => Header + Unit;
}

/// <summary>A row of an official table: its canonical key and the label the template prints.</summary>
public sealed record TemplateRow(string Key, string Label);

/// <summary>A block of table 2: the 第二十条 item it reports, its column headers and its rows.</summary>
public sealed record Table2Block(string Item, IReadOnlyList<TemplateColumn> Columns, IReadOnlyList<TemplateRow> Rows);

/// <summary>A group of table-3 outcome rows under one printed label (（三）不予公开); a null label is a single row.</summary>
public sealed record OutcomeGroup(string? Label, IReadOnlyList<TemplateRow> Items);

/// <summary>A table-4 group: its key, its label and the label it is printed under (行政诉讼), if any.</summary>
public sealed record Table4Group(string Key, string Label, string? Parent = null);

/// <summary>
/// The official blank template (国办公开办函〔2019〕60号 and 〔2021〕30号; ../shared/templates holds the 2021 one) as data:
/// sections, the tables' rows, columns and printed labels with their canonical keys, per format. The canonical keys
/// (<see cref="CanonicalKeys"/>) are read off this model; the extractor's matching vocabulary (TemplateCatalog) lists
/// the variants real reports print and is tested to map every label here to its key; test builders, the corpus
/// renderer and the review page print these labels.
/// </summary>
public static class OfficialTemplate
{
    /// <summary>The six section headings (without their numeral), in order.</summary>
    public static readonly IReadOnlyList<string> SectionHeadings =
        ["总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况", "其他需要报告的事项"];

    /// <summary>The numerals of sections 一…六.</summary>
    public static readonly IReadOnlyList<string> Numerals = ["一", "二", "三", "四", "五", "六"];

    /// <summary>A section's printed title: 三、收到和处理政府信息公开申请情况.</summary>
    public static string SectionTitle(int number) => $"{Numerals[number - 1]}、{SectionHeadings[number - 1]}";

    /// <summary>Table 2's label column header.</summary>
    public const string Table2LabelHeader = "信息内容";

    /// <summary>Table 2 block by block, per format.</summary>
    public static IReadOnlyList<Table2Block> Table2(TemplateVersion version) => version == TemplateVersion.V2019 ? Table2Of2019 : Table2Of2021;

    private static readonly TemplateColumn[] DecisionColumns2019 =
        [new("previous", "上一年项目数量"), new("change", "本年增/减"), new("decisions", "处理决定数量")];

    private static readonly TemplateColumn[] DecisionColumns2021 = [new("decisions", "本年处理决定数量")];

    private static readonly IReadOnlyList<Table2Block> Table2Of2019 =
    [
        new("第二十条第（一）项", [new("made", "本年新制作数量"), new("published", "本年新公开数量"), new("total", "对外公开总数量")],
            [new("regulations", "规章"), new("normative_docs", "规范性文件")]),
        new("第二十条第（五）项", DecisionColumns2019, [new("licensing", "行政许可"), new("other_services", "其他对外管理服务事项")]),
        new("第二十条第（六）项", DecisionColumns2019, [new("penalty", "行政处罚"), new("enforcement", "行政强制")]),
        new("第二十条第（八）项", [new("previous", "上一年项目数量"), new("change", "本年增/减")], [new("fees", "行政事业性收费")]),

        // The 2019 template prints no unit after 采购总金额 (report-contract.md §2); most reports add 万元.
        new("第二十条第（九）项", [new("count", "采购项目数量"), new("amount", "采购总金额")], [new("procurement", "政府集中采购")]),
    ];

    private static readonly IReadOnlyList<Table2Block> Table2Of2021 =
    [
        new("第二十条第（一）项", [new("issued", "本年制发件数"), new("repealed", "本年废止件数"), new("in_force", "现行有效件数")],
            [new("regulations", "规章"), new("normative_docs", "行政规范性文件")]),
        new("第二十条第（五）项", DecisionColumns2021, [new("licensing", "行政许可")]),
        new("第二十条第（六）项", DecisionColumns2021, [new("penalty", "行政处罚"), new("enforcement", "行政强制")]),
        new("第二十条第（八）项", [new("amount", "本年收费金额", "（单位：万元）")], [new("fees", "行政事业性收费")]),
    ];

    /// <summary>Table 3's note in its top-left cell (the 勾稽关系 the rules check).</summary>
    public const string Table3BalanceNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    /// <summary>Table 3's header over the applicant columns.</summary>
    public const string Table3ApplicantsHeader = "申请人情况";

    /// <summary>Table 3's header over the five organisation columns.</summary>
    public const string Table3OrganisationsHeader = "法人或其他组织";

    /// <summary>Table 3's label over the outcome rows （一）…（七）.</summary>
    public const string Table3OutcomesLabel = "三、本年度办理结果";

    /// <summary>Table 3's columns in order: 自然人, the five 法人或其他组织 columns, 总计.</summary>
    public static readonly IReadOnlyList<TemplateColumn> Table3Columns =
    [
        new("natural", "自然人"), new("commercial", "商业企业"), new("research", "科研机构"), new("social", "社会公益组织"),
        new("legal", "法律服务机构"), new("other_org", "其他"), new("total", "总计"),
    ];

    /// <summary>The rows before the outcomes: 一、本年新收… and 二、上年结转….</summary>
    public static readonly IReadOnlyList<TemplateRow> Table3Opening =
        [new("new_received", "一、本年新收政府信息公开申请数量"), new("carried_over", "二、上年结转政府信息公开申请数量")];

    /// <summary>The row after the outcomes.</summary>
    public static readonly TemplateRow Table3Closing = new("carried_forward", "四、结转下年度继续办理");

    /// <summary>The outcome rows （一）…（七）总计 grouped as printed, per format: 2021 splits （六） in three.</summary>
    public static IReadOnlyList<OutcomeGroup> Table3Outcomes(TemplateVersion version) => version == TemplateVersion.V2019 ? Outcomes2019 : Outcomes2021;

    private static readonly OutcomeGroup[] OutcomesOneToFive =
    [
        new(null, [new("granted", "（一）予以公开")]),
        new(null, [new("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")]),
        new("（三）不予公开",
        [
            new("denied_state_secret", "1.属于国家秘密"), new("denied_prohibited_by_law", "2.其他法律行政法规禁止公开"),
            new("denied_three_safety", "3.危及“三安全一稳定”"), new("denied_third_party", "4.保护第三方合法权益"),
            new("denied_internal_affairs", "5.属于三类内部事务信息"), new("denied_process_info", "6.属于四类过程性信息"),
            new("denied_enforcement_case", "7.属于行政执法案卷"), new("denied_inquiry", "8.属于行政查询事项"),
        ]),
        new("（四）无法提供",
            [new("unable_not_held", "1.本机关不掌握相关政府信息"), new("unable_needs_creation", "2.没有现成信息需要另行制作"), new("unable_unclear", "3.补正后申请内容仍不明确")]),
        new("（五）不予处理",
        [
            new("rejected_petition", "1.信访举报投诉类申请"), new("rejected_duplicate", "2.重复申请"), new("rejected_publication", "3.要求提供公开出版物"),
            new("rejected_excessive", "4.无正当理由大量反复申请"), new("rejected_confirmation", "5.要求行政机关确认或重新出具已获取信息"),
        ]),
    ];

    private static readonly OutcomeGroup ResultsTotal = new(null, [new("results_total", "（七）总计")]);

    private static readonly IReadOnlyList<OutcomeGroup> Outcomes2019 = [.. OutcomesOneToFive, new(null, [new("other", "（六）其他处理")]), ResultsTotal];

    private static readonly IReadOnlyList<OutcomeGroup> Outcomes2021 =
    [
        .. OutcomesOneToFive,
        new("（六）其他处理",
        [
            new("other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
            new("other_no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
            new("other_other", "3.其他"),
        ]),
        ResultsTotal,
    ];

    /// <summary>Every table-3 row in printed order, each with its full label (group label and item: （三）不予公开1.属于国家秘密).</summary>
    public static IReadOnlyList<TemplateRow> Table3Rows(TemplateVersion version) =>
    [
        .. Table3Opening,
        .. Table3Outcomes(version).SelectMany(g => g.Items.Select(i => i with { Label = g.Label + i.Label })),
        Table3Closing,
    ];

    /// <summary>Table 4's header over the two lawsuit groups.</summary>
    public const string Table4LawsuitsHeader = "行政诉讼";

    /// <summary>Table 4's groups in order.</summary>
    public static readonly IReadOnlyList<Table4Group> Table4Groups =
        [new("review", "行政复议"), new("suit_direct", "未经复议直接起诉", Table4LawsuitsHeader), new("suit_after_review", "复议后起诉", Table4LawsuitsHeader)];

    /// <summary>Table 4's columns in each group.</summary>
    public static readonly IReadOnlyList<TemplateColumn> Table4Columns =
        [new("upheld", "结果维持"), new("corrected", "结果纠正"), new("other", "其他结果"), new("pending", "尚未审结"), new("total", "总计")];
}
