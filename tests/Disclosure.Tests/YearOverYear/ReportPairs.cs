using System.Globalization;
using System.Text.RegularExpressions;
using Disclosure.Core.Contract;
using Disclosure.Core.Engine;
using Disclosure.Tests.Support;
using TextReader = Disclosure.Readers.Text.TextReader;

namespace Disclosure.Tests.YearOverYear;

/// <summary>
/// Real-shaped report pairs of one agency: seed 004 (三门峡经济开发区, 2023, a real report) followed by a 2024 report that
/// copies its narrative with only the figures changed, or one that rewrites it as an agency that did new work would.
/// </summary>
public static partial class ReportPairs
{
    public const string Agency = "河南三门峡经济开发区管理委员会";

    public static ReportResult Analyze(string name, string text) =>
        new ReportEngine([new TextReader()]).AnalyzeAsync(name, System.Text.Encoding.UTF8.GetBytes(text)).GetAwaiter().GetResult();

    public static ReportResult Analyze(string name, ReportBuilder builder) => Analyze(name, builder.Build());

    public static ReportResult Seed(string file) =>
        Analyze(file, File.ReadAllText(Path.Combine(RepoPaths.Seeds, file)));

    public static ReportResult Seed004() => Seed("004_cbc979190ed8f941.txt");

    /// <summary>The seed's narrative sections as printed (paragraphs joined by '\n').</summary>
    public static string SeedSection(int section) =>
        Seed004().Narrative!.Single(n => n.Section == section).Text;

    /// <summary>Every figure changed (n → n + 3) and the year moved on: what an agency that copies last year's report publishes.</summary>
    public static string FiguresChanged(string text) =>
        Number().Replace(text.Replace("2023", "2024", StringComparison.Ordinal),
            m => m.Value == "2024" ? m.Value : (long.Parse(m.Value, CultureInfo.InvariantCulture) + 3).ToString(CultureInfo.InvariantCulture));

    public static ReportBuilder Copied2024() => new ReportBuilder(TemplateVersion.V2021, 2024, Agency)
        .WithSectionText(1, FiguresChanged(SeedSection(1)))
        .WithSectionText(5, FiguresChanged(SeedSection(5)))
        .WithSectionText(6, FiguresChanged(SeedSection(6)));

    /// <summary>
    /// A rewritten year: new work described in new words. Like real reports it keeps a little: the platform
    /// description sentence of section 一 and the fee sentence of section 六 (both legitimately unchanged).
    /// </summary>
    public static ReportBuilder Rewritten2024() => new ReportBuilder(TemplateVersion.V2021, 2024, Agency)
        .WithSectionText(1, string.Join('\n',
            "2024年，开发区以政务公开助力优化营商环境，围绕企业开办、项目审批和惠企政策兑现三项重点，全面梳理公开事项清单，政务公开工作由“有没有”向“好不好”转变。",
            "（一）主动公开情况",
            "全年通过门户网站主动公开政府信息1872条，其中惠企政策及解读材料214条，重大项目批准和实施信息96条；新开设“政策直达”专栏，将32项惠企政策按行业分类集中发布。",
            "（二）依申请公开情况",
            "全年收到政府信息公开申请5件，较上年减少2件，申请内容集中于土地征收和项目环评，均在法定期限内答复，未发生因依申请公开引起的行政复议和行政诉讼。",
            "（三）政府信息资源的规范化、标准化管理情况",
            "制定《开发区政府信息公开保密审查办法》，对拟公开信息实行承办科室初审、党政办复审、分管领导终审的三级审查，全年审查信息1900余条，未发生泄密和不当公开。",
            "（四）政府信息公开平台建设情况",
            "与第三方合作,对政府网站进行 24 小时“人工技术”监测,及时纠正错漏。完成门户网站适老化和无障碍改造，上线智能问答功能，群众可通过关键词检索政策原文和解读。",
            "（五）政府信息公开监督保障及教育培训情况",
            "将政务公开纳入年度目标考核，占比由3%提高到5%；举办政务公开专题培训两期，覆盖各部门信息员46人次，并邀请市政务公开办专家逐项讲评上年度第三方评估扣分事项。"))
        .WithSectionText(5, string.Join('\n',
            "（一）存在的主要问题",
            "一是政策解读形式以文字为主，图解、视频等形式占比不足一成；二是部分部门对公开属性的认定把握不准，个别文件公开时间滞后于印发时间十个工作日以上。",
            "（二）改进情况",
            "针对解读形式单一的问题，2025年将联合融媒体中心制作图解和短视频解读，重要政策实现多形式解读全覆盖；针对公开属性认定不准的问题，将编制公开属性认定指引，并将文件印发与公开同步纳入办文流程。"))
        .WithSectionText(6, string.Join('\n',
            "（一）三门峡经济开发区党政办公室严格按照《国务院办公厅关于印发政府信息公开信息处理费管理办法的通知》（国办函〔2020〕109号）规定的按件、按量收费标准，本年度未产生信息公开处理费。",
            "（二）本报告中所列数据的统计时限为2024年1月1日起至2024年12月31日止。"));

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
