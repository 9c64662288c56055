using Disclosure.Core.Contract;
using Disclosure.Core.Vocabulary;

namespace Disclosure.Core.Extraction;

/// <summary>
/// The extractor's matching vocabulary as data: section headings, table-2 and table-3 row labels, column headers, with
/// the variants real reports print. The official labels themselves are <see cref="OfficialTemplate"/>; every one of them
/// matches its key here (tested). Patterns are matched against compacted text (NFKC, no whitespace); the first matching
/// entry wins, so specific entries come before generic ones. Typos seen in real reports are listed as alternatives.
/// </summary>
public static class TemplateCatalog
{
    public sealed record SectionEntry(int Number, string Heading, IReadOnlyList<string> Keywords);

    public static readonly IReadOnlyList<SectionEntry> Sections =
    [
        new(1, OfficialTemplate.SectionHeadings[0], ["总体情况", "基本情况", "工作概述", "概述"]),
        new(2, OfficialTemplate.SectionHeadings[1], ["主动公开政府信息情况", "主动公开政府信息", "主动公开情况"]),
        new(3, OfficialTemplate.SectionHeadings[2], ["收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请", "处理政府信息公开申请情况", "依申请公开政府信息情况"]),
        new(4, OfficialTemplate.SectionHeadings[3], ["行政复议、行政诉讼情况", "行政复议,行政诉讼情况", "行政复议和行政诉讼情况", "行政复议行政诉讼情况", "行政复议、行政诉讼"]),
        new(5, OfficialTemplate.SectionHeadings[4], ["存在的主要问题及改进情况", "存在的主要问题", "主要问题及改进", "问题及改进"]),
        new(6, OfficialTemplate.SectionHeadings[5], ["其他需要报告的事项", "其他需要报告"]),
    ];

    public static readonly string[] ChineseNumerals = [.. OfficialTemplate.Numerals];

    /// <summary>Table-3 rows: key and label fragments, most specific first.</summary>
    public static readonly IReadOnlyList<(string Key, string[] Fragments)> Table3Rows =
    [
        ("denied_state_secret", ["国家秘密"]),
        ("denied_prohibited_by_law", ["法律行政法规禁止", "行政法规禁止", "禁止公开", "法律行政止公开", "其他法律行政"]),
        ("denied_three_safety", ["三安全一稳定", "三安全", "一稳定"]),
        ("denied_third_party", ["第三方合法权益", "第三方"]),
        ("denied_internal_affairs", ["内部事务"]),
        ("denied_process_info", ["过程性信息", "过程性"]),
        ("denied_enforcement_case", ["执法案卷"]),
        ("denied_inquiry", ["行政查询"]),
        ("unable_not_held", ["不掌握", "本机关不掌握相关"]),
        ("unable_needs_creation", ["另行制作", "没有现成信息"]),
        ("unable_unclear", ["仍不明确", "补正后申请"]),
        ("rejected_petition", ["信访举报投诉", "信访"]),
        ("rejected_duplicate", ["重复申请"]),
        ("rejected_publication", ["公开出版物", "出版物"]),
        ("rejected_excessive", ["大量反复"]),
        ("rejected_confirmation", ["重新出具", "确认或重新"]),
        ("other_no_correction", ["逾期不补正"]),
        ("other_no_fee", ["缴纳费用", "收费通知"]),
        ("new_received", ["本年新收"]),
        ("carried_over", ["上年结转"]),
        ("carried_forward", ["结转下年度", "下年度继续办理"]),
        ("partially_granted", ["部分公开"]),
        ("granted", ["予以公开"]),
        ("results_total", ["(七)总计", "七)总计"]),
        ("other", ["其他处理"]),
    ];

    /// <summary>
    /// Outcome group labels: a row with only this label and numbers is a subtotal the official table lacks. The groups of
    /// the 2021 template (（六） has items only there), labels compacted: (三)不予公开.
    /// </summary>
    public static readonly IReadOnlyList<(string Label, string[] Members)> Table3Groups =
    [
        .. OfficialTemplate.Table3Outcomes(TemplateVersion.V2021).Where(g => g.Label is not null)
            .Select(g => (TextNorm.Compact(g.Label!), g.Items.Select(i => i.Key).ToArray())),
    ];

    /// <summary>Table-3 column headers (applicant types).</summary>
    public static readonly IReadOnlyList<(string Key, string[] Fragments)> Table3Columns =
    [
        ("natural", ["自然人"]),
        ("commercial", ["商业企业"]),
        ("research", ["科研机构"]),
        ("social", ["社会公益组织", "公益组织"]),
        ("legal", ["法律服务机构"]),
        ("subtotal", ["小计", "合计"]),
        ("total", ["总计"]),
    ];

    /// <summary>Table-2 rows.</summary>
    public static readonly IReadOnlyList<(string Key, string[] Fragments)> Table2Rows =
    [
        ("normative_docs", ["规范性文件"]),
        ("regulations", ["规章"]),
        ("other_services", ["其他对外管理服务", "对外管理服务"]),
        ("licensing", ["行政许可"]),
        ("penalty", ["行政处罚"]),
        ("enforcement", ["行政强制"]),
        ("fees", ["事业性收费", "行政事业性"]),
        ("procurement", ["集中采购", "政府采购"]),
    ];

    /// <summary>Table-2 header rows: fragments, the columns they announce, and the format they belong to.</summary>
    public static readonly IReadOnlyList<(string[] Fragments, string[] Columns, TemplateVersion Template)> Table2Headers =
    [
        (["本年制发", "本年废止", "现行有效"], ["issued", "repealed", "in_force"], TemplateVersion.V2021),
        (["本年新制作", "本年新公开", "对外公开总数", "本年新"], ["made", "published", "total"], TemplateVersion.V2019),
        (["上一年项目数量", "本年增/减", "本年增减", "上一年项目"], ["previous", "change", "decisions"], TemplateVersion.V2019),
        (["采购项目数量", "采购总金额"], ["count", "amount"], TemplateVersion.V2019),
        (["本年收费金额", "收费金额"], ["amount"], TemplateVersion.V2021),
        (["本年处理决定数量", "处理决定数量"], ["decisions"], TemplateVersion.V2021),
    ];

    /// <summary>Table-4 group labels, in table order.</summary>
    public static readonly IReadOnlyList<(string Key, string[] Fragments)> Table4Groups =
    [
        ("suit_after_review", ["复议后起诉"]),
        ("suit_direct", ["未经复议直接起诉", "直接起诉"]),
        ("review", ["行政复议"]),
    ];

    /// <summary>A readable label of a table-3 row key (its first label fragment).</summary>
    public static string Table3RowLabel(string row) => Table3Rows.FirstOrDefault(r => r.Key == row).Fragments?[0] ?? row switch
    {
        "results_total" => "（七）总计",
        "other_other" => "（六）3.其他",
        _ => row,
    };

    /// <summary>The printed header of a table-3 column key (natural → 自然人); 小计 for a subtotal column the template lacks.</summary>
    public static string ColumnLabel(string key) =>
        key == "subtotal" ? "小计" : OfficialTemplate.Table3Columns.FirstOrDefault(c => c.Key == key)?.Header ?? "总计";

    /// <summary>
    /// The one key with a fragment of four or more characters found in the label with exactly one character different
    /// (an OCR misread); null when none or several keys match that way.
    /// </summary>
    public static string? MatchWithOneSubstitution(IReadOnlyList<(string Key, string[] Fragments)> catalog, string compactLabel)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, fragments) in catalog)
        {
            foreach (var f in fragments.Where(f => f.Length >= 4))
            {
                for (var at = 0; at + f.Length <= compactLabel.Length; at++)
                {
                    var differences = 0;
                    for (var i = 0; i < f.Length && differences <= 1; i++)
                    {
                        differences += compactLabel[at + i] == f[i] ? 0 : 1;
                    }

                    if (differences == 1)
                    {
                        keys.Add(key);
                        break;
                    }
                }
            }
        }

        return keys.Count == 1 ? keys.First() : null;
    }

    public static string? Match(IReadOnlyList<(string Key, string[] Fragments)> catalog, string compactLabel)
    {
        foreach (var (key, fragments) in catalog)
        {
            foreach (var f in fragments)
            {
                if (compactLabel.Contains(f, StringComparison.Ordinal))
                {
                    return key;
                }
            }
        }

        return null;
    }
}
