using System.Globalization;
using System.Text.RegularExpressions;
using Disclosure.Core.Comparison;
using Disclosure.Core.Contract;
using Disclosure.Core.Extraction;
using Disclosure.Core.Vocabulary;

namespace Disclosure.Core.Validation;

/// <summary>
/// Rules on the narrative sections 一, 五 and 六: EMPTY_SECTION, NO_IMPROVEMENT_MEASURE (info), FEE_STATEMENT_MISSING, and
/// NARRATIVE_MISMATCH between section 六's fee statement and table 3. Registered in <see cref="RuleCatalog.All"/>.
/// </summary>
public static partial class NarrativeRules
{
    public static IReadOnlyList<ValidationRule> All { get; } =
    [
        new(FindingCodes.EmptySection, "第一、五、六部分不得为空、仅写“无”或只留模板占位符", EmptySections),
        new(FindingCodes.NoImprovementMeasure, "第五部分应写明改进措施（提示）", NoMeasures),
        new(FindingCodes.FeeStatementMissing, "2021年版格式第六部分须说明信息处理费收取情况", FeeStatement),
        new(FindingCodes.NarrativeMismatch, "第六部分所述信息处理费须与表三相符", FeeMismatch),
    ];

    private static IEnumerable<Finding> EmptySections(ExtractedReport r)
    {
        foreach (var section in r.SectionTexts)
        {
            if (!IsEmpty(section.Text, out var shown))
            {
                continue;
            }

            // In the 2019 format section 六 has no required content, so `无` is an answer there; an empty section or a
            // placeholder still is not. From the 2021 format on 六 must state the 信息处理费, so `无` is empty too.
            if (section.Section == 6 && shown == "无" && !Is2021(r))
            {
                continue;
            }

            yield return Create(FindingCodes.EmptySection,
                $"第{TextReuse.Numeral(section.Section)}部分“{TextReuse.Heading(section.Section)}”{(shown.Length == 0 ? "没有内容" : $"仅有“{shown}”")}。" + section.Section switch
                {
                    1 => "请概述本年度主动公开、依申请公开、政府信息管理、平台建设、监督保障等工作情况。",
                    5 => "请写明本年度工作存在的主要问题和改进情况（《政府信息公开条例》第五十条）。",
                    _ => "请写明其他需要报告的事项；2021年版格式要求在此说明收取信息处理费的情况，没有收取的也应写明。",
                }, [], detail: section.Text);
        }
    }

    private static IEnumerable<Finding> NoMeasures(ExtractedReport r)
    {
        var five = r.SectionTexts.FirstOrDefault(s => s.Section == 5);
        if (five is null || IsEmpty(five.Text, out _) || Measure().IsMatch(five.Text))
        {
            yield break;
        }

        yield return Create(FindingCodes.NoImprovementMeasure,
            "第五部分“存在的主要问题及改进情况”未写明任何改进措施（如“下一步”“加强”“完善”“整改”等）。请针对所列问题写明已采取或将采取的改进措施。",
            [], detail: Cut(five.Text));
    }

    private static IEnumerable<Finding> FeeStatement(ExtractedReport r)
    {
        var six = r.SectionTexts.FirstOrDefault(s => s.Section == 6);
        if (six is null || !Is2021(r) || FeeWords().IsMatch(six.Text))
        {
            yield break;
        }

        yield return Create(FindingCodes.FeeStatementMissing,
            "2021年版格式要求第六部分“其他需要报告的事项”说明依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，本报告未提及。" +
            "请补充本年度是否收取信息处理费、发出收费通知的件数和金额；没有收取的写明“未收取信息处理费”。",
            [], detail: Cut(six.Text));
    }

    /// <summary>
    /// Two contradictions the tables can prove. (a) 六 says no fee arose (未产生/不涉及/无信息处理费) while table 3 counts
    /// applications closed because the applicant did not pay a fee notice (t3.other_no_fee.*): a notice was issued, so a fee
    /// did arise. A plain 未收取 (not collected) is consistent with an unpaid notice and is not flagged. (b) 六 states a fee
    /// amount above zero while table 3 has no application at all (new and carried over both 0): a fee is only charged on an
    /// application.
    /// </summary>
    private static IEnumerable<Finding> FeeMismatch(ExtractedReport r)
    {
        var six = r.SectionTexts.FirstOrDefault(s => s.Section == 6);
        if (six is null)
        {
            yield break;
        }

        var sentences = six.Text.Split('。', '；', ';', '\n');
        var none = sentences.FirstOrDefault(s => NoFeeArose().IsMatch(s));
        if (none is not null && r.Value("t3.other_no_fee.total") is > 0 and var unpaid)
        {
            yield return Create(FindingCodes.NarrativeMismatch,
                $"第六部分称“{Cut(none)}”，但表三“（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用”为{N(unpaid)}件，说明本年度发出过收费通知。" +
                "请核对第六部分关于信息处理费的说明或表三该行数据。",
                ["t3.other_no_fee.total"], 0, unpaid) with { Detail = none };
        }

        var charged = sentences.Select(s => (Sentence: s, Match: FeeCharged().Match(s))).FirstOrDefault(x => x.Match.Success);
        if (charged.Match is { Success: true } m
            && decimal.TryParse(m.Groups["n"].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) && amount > 0
            && r.Value("t3.new_received.total") == 0 && r.Value("t3.carried_over.total") == 0)
        {
            yield return Create(FindingCodes.NarrativeMismatch,
                $"第六部分称收取信息处理费{m.Groups["n"].Value}{m.Groups["u"].Value}，但表三本年新收和上年结转的政府信息公开申请均为0件，信息处理费只能对申请收取。请核对。",
                ["t3.new_received.total", "t3.carried_over.total"], 0, amount) with { Detail = charged.Sentence };
        }
    }

    /// <summary>Empty, `无` (and its variants) or only the template's placeholder; <paramref name="shown"/> is what is there.</summary>
    public static bool IsEmpty(string text, out string shown)
    {
        var compact = Placeholder().Replace(text, string.Empty);
        compact = Punctuation().Replace(compact, string.Empty);
        shown = compact.Length == 0 ? (text.Contains("文字描述", StringComparison.Ordinal) ? "（文字描述）" : string.Empty) : compact;
        return compact.Length == 0 || NoneWords().IsMatch(compact);
    }

    private static bool Is2021(ExtractedReport r) =>
        (r.Tables.TryGetValue(3, out var t3) && t3.Present && t3.Template == TemplateForm.V2021)
        || (r.Tables.TryGetValue(2, out var t2) && t2.Present && t2.Template == TemplateForm.V2021)
        || (r.Report.Template is null && r.Report.Year >= 2021);

    private static string Cut(string text) => text.Length > 120 ? text[..120] + "…" : text;

    private static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static Finding Create(string code, string message, IReadOnlyList<string> cells, decimal? expected = null, decimal? actual = null, string? detail = null) =>
        new(code, FindingCodes.Severities[code], message, cells, expected, actual) { Detail = detail };

    [GeneratedRegex(@"[(（]?文字描述[)）]?")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[\s\p{P}\p{S}]+")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"^(无|暂无|没有|无其他需要报告的事项|无需要报告的事项|本年度无|略|空)$")]
    private static partial Regex NoneWords();

    [GeneratedRegex(@"改进|整改|措施|下一步|今后|将(进一步|继续|持续|加大|加强|着力|不断|重点)|加强|完善|健全|强化|提升|提高|规范|推进|落实|建立|优化|加大|计划|拟")]
    private static partial Regex Measure();

    [GeneratedRegex(@"信息处理费|处理费|收费|收取|费用")]
    private static partial Regex FeeWords();

    [GeneratedRegex(@"(未产生|没有产生|未发生|不涉及|未涉及|无).{0,12}(信息)?处理费|处理费.{0,6}(为0|为零|0元|零元)|未(发出|开具)(任何)?收费通知")]
    private static partial Regex NoFeeArose();

    [GeneratedRegex(@"收取.{0,16}?(信息)?处理费.{0,6}?(?<n>\d+(?:\.\d+)?)\s*(?<u>万元|元)|(信息)?处理费.{0,8}?(?<n>\d+(?:\.\d+)?)\s*(?<u>万元|元)")]
    private static partial Regex FeeCharged();
}
