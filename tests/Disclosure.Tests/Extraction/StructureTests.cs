using Disclosure.Core.Extraction;
using Disclosure.Core.Layout;
using TextReader = Disclosure.Readers.Text.TextReader;

namespace Disclosure.Tests.Extraction;

public sealed class StructureTests
{
    [Theory]
    [InlineData("一、总体情况", 1)]
    [InlineData("、总体情况", 1)]
    [InlineData("二、主动公开政府信息情况", 2)]
    [InlineData("三、收到和处理政府信息公开申请情况", 3)]
    [InlineData("四、政府信息公开行政复议、行政诉讼情况", 4)]
    [InlineData("五、存在的主要问题及改进情况", 5)]
    [InlineData("六、其他需要报告的事项:无", 6)]
    [InlineData("第六部分 其他需要报告的事项", 6)]
    public void Recognises_section_headings(string line, int section) => Assert.Equal(section, TemplateExtractor.SectionHeading(line));

    [Theory]
    [InlineData("（一）主动公开情况")]
    [InlineData("(二) 依申请公开情况")]
    [InlineData("四、结转下年度继续办理")]
    [InlineData("2019年，卫滨区人民政府办公室高度重视政府信息公开工作，认真贯彻落实条例。")]
    public void Ignores_lines_that_are_not_headings(string line) => Assert.Null(TemplateExtractor.SectionHeading(line));

    [Theory]
    [InlineData("濮阳经济技术开发区2020年政府信息公开工作年度报告", "濮阳经济技术开发区", 2020)]
    [InlineData("河南三门峡经济开发区管理委员会 2023 年政府信息公开工作年度报告", "河南三门峡经济开发区管理委员会", 2023)]
    [InlineData("2022年度杭州市西湖区人民政府政府信息公开工作年度报告", "杭州市西湖区人民政府", 2022)]
    public void Reads_agency_and_year_from_the_title(string title, string agency, int year)
    {
        var meta = MetadataExtractor.Extract([title], []);
        Assert.Equal(agency, meta.Agency);
        Assert.Equal(year, meta.Year);
    }

    [Fact]
    public void Joins_a_title_wrapped_over_two_lines()
    {
        var meta = MetadataExtractor.Extract(["河南三门峡经济开发区管理委员会2023年政府信息公开工作年度报", "告", "一、总体情况"], []);
        Assert.Equal("河南三门峡经济开发区管理委员会", meta.Agency);
        Assert.Equal(2023, meta.Year);
    }

    [Fact]
    public void Prefers_the_fuller_agency_name_on_its_own_line()
    {
        var meta = MetadataExtractor.Extract(["银州区人民政府办公室2020年度政府信息公开工作报告", "政府信息公开工作年度报告", "铁岭市银州区人民政府办公室", "(2020年度)"], []);
        Assert.Equal("铁岭市银州区人民政府办公室", meta.Agency);
    }

    [Fact]
    public void Reads_a_publication_date_line()
    {
        var meta = MetadataExtractor.Extract(["某县人民政府2023年政府信息公开工作年度报告"], ["某县人民政府", "2024年1月20日"]);
        Assert.Equal("2024-01-20", meta.Published);
    }

    [Fact]
    public void Glues_one_cell_per_line_pipe_rows()
    {
        var doc = TextReader.Parse("表头 | 自然人 | 总计 |\n一、本年新收政府信息公开申请数量 | 2 |\n|\n|\n| 2 | ||\n正文");
        var table = Assert.Single(doc.Tables);
        var row = table.Cells.Where(c => c.Row == 1).Select(c => c.Text).ToList();
        Assert.Equal(["一、本年新收政府信息公开申请数量", "2", "", "", "", "2", "", "", ""], row);
        Assert.IsType<LayoutParagraph>(doc.Blocks[^1]);
    }

    [Fact]
    public void Markdown_rows_are_not_glued()
    {
        var doc = TextReader.Parse("| 规章 | 1 | 2 | 3 |\n| 行政规范性文件 | 4 | 5 | 6 |");
        var table = Assert.Single(doc.Tables);
        Assert.Equal(2, table.RowCount);
    }

    [Fact]
    public void Splits_space_aligned_rows_without_merging_numbers()
    {
        var doc = TextReader.Parse("行政许可      95     0      0\n0 0 0 0 0 0 0 0 0 0 0 0 0 0 0");
        var table = Assert.Single(doc.Tables);
        Assert.Equal(["行政许可", "95", "0", "0"], table.Cells.Where(c => c.Row == 0).Select(c => c.Text));
        Assert.Equal(15, table.Cells.Count(c => c.Row == 1));
    }

    [Fact]
    public void A_blank_line_inside_a_table_does_not_split_it()
    {
        var doc = TextReader.Parse("a\t1\t2\n\nb\t3\t4\n\n正文");
        Assert.Single(doc.Tables);
    }

    [Fact]
    public void Reads_a_typo_in_a_row_label()
    {
        Assert.Equal("denied_prohibited_by_law", TemplateCatalog.Match(TemplateCatalog.Table3Rows, TextNorm.Compact("2.其他法律行政止公开")));
    }
}
