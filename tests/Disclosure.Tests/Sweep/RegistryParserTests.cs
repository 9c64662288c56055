using Disclosure.Sweep;

namespace Disclosure.Tests.Sweep;

public sealed class RegistryParserTests
{
    [Fact]
    public void Parses_csv_with_bom_quotes_and_alias_lists()
    {
        const string csv = "\uFEFFid,name,aliases,region,level,parent\r\n" +
                           "gov-1,洪泽区人民政府,\"洪泽区政府;洪泽区府\",江苏省淮安市,government,\r\n" +
                           "dep-1, 洪泽区教育局 ,,江苏省淮安市,部门,gov-1\r\n";
        var result = RegistryParser.Parse(csv, "registry.csv");
        Assert.True(result.Ok, string.Join("; ", result.Errors));
        Assert.Equal(2, result.Agencies.Count);
        Assert.Equal(["洪泽区政府", "洪泽区府"], result.Agencies[0].Aliases);
        Assert.Equal(AgencyLevel.Government, result.Agencies[0].Level);
        Assert.Equal("洪泽区教育局", result.Agencies[1].Name);
        Assert.Equal(AgencyLevel.Department, result.Agencies[1].Level);
        Assert.Equal("gov-1", result.Agencies[1].Parent);
        Assert.Null(result.Agencies[0].Parent);
    }

    [Fact]
    public void Parses_json_arrays_and_wrapped_objects()
    {
        const string json = """{ "agencies": [ { "id": "a", "name": "甲局", "aliases": ["甲"], "region": "R", "level": "department" }, { "id": "b", "name": "乙区人民政府", "aliases": "乙区政府|乙区", "level": "government" } ] }""";
        var result = RegistryParser.Parse(json, "r.json");
        Assert.True(result.Ok, string.Join("; ", result.Errors));
        Assert.Equal(["甲"], result.Agencies[0].Aliases);
        Assert.Equal(["乙区政府", "乙区"], result.Agencies[1].Aliases);
    }

    [Theory]
    [InlineData("id,name,level\n,无编码,department\n", "id and name are required")]
    [InlineData("id,name,level\na,甲,county\n", "must be department or government")]
    [InlineData("id,name,level\na,甲,department\na,乙,department\n", "duplicate id")]
    [InlineData("id,name,level\n../x,甲,department\n", "must be 1–64 characters")]
    [InlineData("name,level\n甲,department\n", "lacks the column 'id'")]
    [InlineData("[{\"id\": 1", "could not be read")]
    public void Rejects_bad_rows_with_a_message(string content, string message)
    {
        var result = RegistryParser.Parse(content, content.StartsWith('[') ? "r.json" : "r.csv");
        Assert.False(result.Ok);
        Assert.Contains(result.Errors, e => e.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_export_round_trips()
    {
        var registry = SweepTestData.Registry();
        var back = RegistryParser.ParseCsv(RegistryParser.ToCsv(registry));
        Assert.True(back.Ok, string.Join("; ", back.Errors));
        Assert.Equal(registry.Select(a => (a.Id, a.Name, string.Join('|', a.Aliases), a.Region, a.Level, a.Parent)),
            back.Agencies.Select(a => (a.Id, a.Name, string.Join('|', a.Aliases), a.Region, a.Level, a.Parent)));
    }
}
