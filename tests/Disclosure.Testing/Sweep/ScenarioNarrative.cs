using System.Globalization;
using Disclosure.Core.Contract;
using Disclosure.Sweep;

namespace Disclosure.Testing.Sweep;

/// <summary>
/// Narrative sections for the synthetic sweep scenario, of realistic length (section 一 about 1,200 characters, 五 about
/// 80, 六 one sentence): each agency draws its own sentences from a pool and names itself, so different agencies share
/// phrases but not sections; a copying agency takes its region's shared section 一 and changes only the figures.
/// </summary>
public static class ScenarioNarrative
{
    private static readonly string[] Pool =
    [
        "{0}坚持以公开为常态、不公开为例外，围绕中心工作深化重点领域信息公开",
        "全年通过门户网站主动公开政府信息{1}条，其中政策文件{2}件，解读材料{3}篇",
        "{0}严格落实政府信息公开保密审查制度，对拟公开信息实行三级审核",
        "依申请公开方面，全年收到申请{1}件，均在法定期限内答复",
        "完善政府信息公开指南和目录，及时更新机构职能、办事指南等基础信息",
        "加强政务新媒体管理，{0}官方微信公众号全年发布信息{2}条",
        "组织开展政务公开业务培训{3}次，参训人员{2}人次",
        "将政务公开工作纳入年度绩效考核，考核分值占比提高到{3}%",
        "围绕优化营商环境，集中公开惠企政策{2}项，开设政策直达专栏",
        "做好重大行政决策预公开，全年就{3}项决策事项公开征求意见",
        "及时回应社会关切，对{2}条网民留言逐一答复，办结率百分之百",
        "推进基层政务公开标准化规范化，编制完成{3}个领域的标准目录",
        "规范政府信息发布流程，执行先审后发，确保信息准确及时",
        "加强政府网站内容保障，对栏目进行季度自查，整改问题{3}个",
        "深化财政预决算公开，按时公开部门预算、决算和三公经费",
        "{0}以群众需求为导向，优化依申请公开受理渠道，实现网上申请",
        "开展政府开放日活动{3}次，邀请人大代表、政协委员和群众代表参加",
        "推进政策解读多样化，采用图解、短视频等形式解读政策{2}件",
        "建立健全政务舆情收集研判处置机制，全年处置舆情{3}起",
        "做好行政执法公示，公开行政许可、行政处罚决定{1}件",
    ];

    private static readonly string[] Problems =
    [
        "政策解读形式较为单一，图解和视频解读占比不高",
        "部分信息更新不够及时，栏目维护存在滞后",
        "工作人员多为兼职，业务能力有待提高",
        "依申请公开答复的规范性还需加强",
        "基层政务公开标准目录的应用还不充分",
    ];

    public static IReadOnlyList<NarrativeText> For(Random random, Agency agency, int year, bool copyRegion)
    {
        var one = copyRegion ? Shared(agency.Region, random) : Own(agency.Name, random);
        // Section 五 stays under the clustering minimum, as short real ones do: only section 一 is planted.
        var five = "存在的主要问题：一是" + Problems[random.Next(Problems.Length)] + "；二是" + Problems[random.Next(Problems.Length)] +
                   "。改进措施：下一步将" + Clauses[random.Next(Clauses.Length)] + Effects[random.Next(Effects.Length)] + "。";
        return
        [
            new NarrativeText(1, string.Create(CultureInfo.InvariantCulture, $"{year}年，") + one),
            new NarrativeText(5, five),
            new NarrativeText(6, "本年度未收取信息处理费。"),
        ];
    }

    /// <summary>The region's shared text: the same sentences in the same order for every copier, their own figures.</summary>
    private static string Shared(string region, Random random)
    {
        var order = new Random(StableSeed(region));
        return string.Join("。", Enumerable.Range(0, 14).Select(_ => Fill(Pool[order.Next(Pool.Length)], "我单位", random))) + "。";
    }

    /// <summary>An agency's own text: each sentence joins three clauses drawn from 16 each (4,096 combinations).</summary>
    private static string Own(string name, Random random) =>
        string.Join("。", Enumerable.Range(0, 12).Select(_ =>
            Fill(Pool[random.Next(Pool.Length)], name, random) + "，" + Clauses[random.Next(Clauses.Length)] + Effects[random.Next(Effects.Length)] +
            "，" + Clauses[random.Next(Clauses.Length)] + Effects[random.Next(Effects.Length)])) + "。";

    private static readonly string[] Clauses =
    [
        "结合辖区实际", "聚焦群众关切", "对照上级要求", "立足部门职能", "坚持问题导向", "突出工作重点", "注重统筹协调", "强化责任落实",
        "紧扣年度要点", "围绕发展大局", "着眼长效机制", "依托信息平台", "借助第三方评估", "针对薄弱环节", "按照标准目录", "坚持依法依规",
    ];

    private static readonly string[] Effects =
    [
        "推动公开内容更加全面", "促进信息发布更加及时", "实现办理流程更加规范", "提升群众获得感", "增强政策知晓度", "提高回应实效",
        "夯实工作基础", "拓展公开渠道", "优化服务体验", "健全工作制度", "压实工作责任", "形成工作合力", "提升公开质量", "扩大社会参与",
        "保障知情权", "加强监督检查",
    ];

    private static string Fill(string template, string name, Random random) =>
        string.Format(CultureInfo.InvariantCulture, template, name, random.Next(100, 4000), random.Next(5, 300), random.Next(1, 30));

    private static int StableSeed(string text)
    {
        var h = 17;
        foreach (var ch in text)
        {
            h = unchecked((h * 31) + ch);
        }

        return h;
    }
}
