using Disclosure.Sweep;

namespace Disclosure.Tests.Sweep;

public sealed class AgencyNameMatcherTests
{
    private static readonly AgencyNameMatcher Matcher = new(SweepTestData.Registry());

    [Theory]
    [InlineData("洪泽区人民政府", "x.pdf", "gov-hz")]
    [InlineData("淮安市洪泽区人民政府", "x.pdf", "gov-hz")]
    [InlineData("江苏省淮安市洪泽区人民政府办公室", "x.pdf", "gov-hz")]
    [InlineData("淮安市洪泽区政府", "x.pdf", "gov-hz")]
    [InlineData(" 洪泽区　人民政府 ", "x.pdf", "gov-hz")]
    [InlineData("洪泽区教育局", "x.pdf", "hz-edu")]
    [InlineData("淮安市洪泽区教育局", "x.pdf", "hz-edu")]
    [InlineData("淮安市教育局", "x.pdf", "ha-edu")]
    [InlineData("江苏省淮安市教育局", "x.pdf", "ha-edu")]
    [InlineData("淮安经济技术开发区管理委员会", "x.pdf", "ha-dev")]
    [InlineData("淮安经开区管委会", "x.pdf", "ha-dev")]
    [InlineData("淮安经开区管理委员会办公室", "x.pdf", "ha-dev")]
    [InlineData(null, "reports/2023/hz-edu/年报.pdf", "hz-edu")]
    [InlineData("无关名称", "2023/HA-EDU/a.pdf", "ha-edu")]
    [InlineData("教育局", "x.pdf", null)]
    [InlineData("南京市教育局", "x.pdf", null)]
    [InlineData("淮安市公安局", "x.pdf", null)]
    [InlineData(null, "x.pdf", null)]
    [InlineData("", "2023/not-an-agency/a.pdf", null)]
    public void Matches_reports_to_agencies(string? reported, string blob, string? expectedId)
    {
        var (agency, reason) = Matcher.Match(blob, reported);
        Assert.Equal(expectedId, agency?.Id);
        if (expectedId is null)
        {
            Assert.False(string.IsNullOrWhiteSpace(reason));
        }
    }

    [Theory]
    [InlineData("连云港市城市管理局", "c-city")]
    [InlineData("江苏省连云港市城市管理局", "c-city")]
    [InlineData("连云港市海州区城市管理局", "d-city")]
    [InlineData("海州区城市管理局", "d-city")]
    [InlineData("连云港市人民政府", "c-gov")]
    [InlineData("江苏省连云港市人民政府", "c-gov")]
    [InlineData("江苏省海州区城市管理局", "d-city")]
    public void Words_that_look_like_regions_do_not_confuse_levels(string reported, string expectedId)
    {
        var matcher = new AgencyNameMatcher(
        [
            new Agency("c-gov", "连云港市人民政府", [], "江苏省连云港市", AgencyLevel.Government, null),
            new Agency("c-city", "连云港市城市管理局", [], "江苏省连云港市", AgencyLevel.Department, "c-gov"),
            new Agency("d-city", "连云港市海州区城市管理局", [], "江苏省连云港市", AgencyLevel.Department, null),
        ]);
        Assert.Equal(expectedId, matcher.Match("x.pdf", reported).Agency?.Id);
    }

    [Theory]
    [InlineData("ＸＸ市 教育局", "XX市教育局")]
    [InlineData("淮安市（洪泽区）人民政府", "淮安市洪泽区")]
    [InlineData("洪泽区人民政府办公室", "洪泽区")]
    [InlineData("某某经济开发区管委会", "某某经济开发区")]
    public void Normalises_width_space_punctuation_and_suffixes(string name, string expected) =>
        Assert.Equal(expected, AgencyNames.Normalize(name));

    [Theory]
    [InlineData("淮安市洪泽区教育局", "淮安市|洪泽区", "教育局")]
    [InlineData("淮安市市场监督管理局", "淮安市", "市场监督管理局")]
    [InlineData("内蒙古自治区呼和浩特市", "内蒙古自治区", "呼和浩特市")]
    [InlineData("洪泽区", "", "洪泽区")]
    [InlineData("徐州市科学技术局", "徐州市", "科学技术局")]
    [InlineData("苏州市姑苏区", "苏州市", "姑苏区")]
    public void Splits_regional_prefixes(string normalized, string regions, string core)
    {
        var (r, c) = AgencyNames.Split(normalized);
        Assert.Equal(regions, string.Join('|', r));
        Assert.Equal(core, c);
    }
}
