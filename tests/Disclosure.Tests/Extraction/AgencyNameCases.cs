using Disclosure.Core.Extraction;

namespace Disclosure.Tests.Extraction;

/// <summary>Agency names from the forms titles take, 发布机构 lines, the page title and meta tags: cases as data.</summary>
public sealed class AgencyNameCases
{
    public sealed record Case(string Name, string[] Opening, Dictionary<string, string>? Properties, string Agency, int Year)
    {
        public override string ToString() => Name;
    }

    public static readonly Case[] All =
    [
        new("年 title", ["洛阳市西工区自然资源局2023年政府信息公开工作年度报告"], null, "洛阳市西工区自然资源局", 2023),
        new("年度 title", ["洛阳市西工区自然资源局2024年度政府信息公开工作年度报告"], null, "洛阳市西工区自然资源局", 2024),
        new("关于…的年度报告", ["关于洛阳市西工区人民政府2022年政府信息公开工作的年度报告"], null, "洛阳市西工区人民政府", 2022),
        new("title without agency, 发布机构 line", ["2023年政府信息公开工作年度报告", "发布机构：开封市鼓楼区教育局　发布日期：2024-01-20"], null, "开封市鼓楼区教育局", 2023),
        new("page <title> when the body has no title",
            ["首页", "政务公开", "法定主动公开内容"],
            new() { ["title"] = "许昌市魏都区市场监督管理局2024年度政府信息公开工作年度报告_许昌市魏都区人民政府" }, "许昌市魏都区市场监督管理局", 2024),
        new("meta publisher when nothing else names it",
            ["2023年政府信息公开工作年度报告"], new() { ["publisher"] = "周口市川汇区人民政府办公室" }, "周口市川汇区人民政府办公室", 2023),
        new("title wrapped after 政府信息 (OCR'd lines)", ["关于洛阳市西工区市场监督管理局2019年政府信息", "公开工作的年度报告", "一、总体情况"], null, "洛阳市西工区市场监督管理局", 2019),
        new("title wrapped after 信息公开", ["鹤壁市淇滨区市场监督管理局2020年度政府信息公开", "工作年度报告"], null, "鹤壁市淇滨区市场监督管理局", 2020),
        new("信息公开 misread in a wrapped OCR'd title", ["关于安阳市文峰区教育局2020年政府信慧公开工作", "的年度报告", "一、总体情况"], null, "安阳市文峰区教育局", 2020),
        new("信息公开 misread in a one-line title", ["鹤壁市淇滨区教育局2021年政府信思公开工作年度报告"], null, "鹤壁市淇滨区教育局", 2021),
        new("a line before a whole title is not joined to it", ["首页 > 信息公开", "许昌市魏都区教育局2022年政府信息公开工作年度报告"], null, "许昌市魏都区教育局", 2022),
        new("a title property with control characters is cleaned",
            ["首页"], new() { ["title"] = "\u0011\u0011信阳市浉河区教育局2023年政府信息公开工作年度报告" }, "信阳市浉河区教育局", 2023),
    ];

    public static TheoryData<Case> Cases() => new(All);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Agency_and_year(Case c)
    {
        var meta = MetadataExtractor.Extract(c.Opening, [], c.Properties);
        Assert.Equal(c.Agency, meta.Agency);
        Assert.Equal(c.Year, meta.Year);
    }
}
