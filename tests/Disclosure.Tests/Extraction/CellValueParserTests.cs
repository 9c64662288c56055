using Disclosure.Core.Extraction;

namespace Disclosure.Tests.Extraction;

public sealed class CellValueParserTests
{
    [Theory]
    [InlineData("12", 12)]
    [InlineData("１２", 12)]
    [InlineData("2,157.936", 2157.936)]
    [InlineData("14241119.2", 14241119.2)]
    [InlineData("增12", 12)]
    [InlineData("减3", -3)]
    [InlineData("-3", -3)]
    [InlineData("＋5", 5)]
    [InlineData("1 251", 1251)]
    [InlineData(" 7 ", 7)]
    [InlineData("0件", 0)]
    public void Reads_numbers(string raw, double expected)
    {
        var v = CellValueParser.Parse(raw);
        Assert.Equal(CellKind.Number, v.Kind);
        Assert.Equal((decimal)expected, v.Value);
    }

    [Fact]
    public void Keeps_the_note_of_a_value_with_a_note()
    {
        var v = CellValueParser.Parse("22（其中修订16件）");
        Assert.Equal(22m, v.Value);
        Assert.Equal("(其中修订16件)", v.Note);
        Assert.Equal("22（其中修订16件）", v.Raw);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("-")]
    [InlineData("—")]
    [InlineData("——")]
    [InlineData("无")]
    public void Placeholders_are_blank_not_zero(string raw)
    {
        var v = CellValueParser.Parse(raw);
        Assert.Equal(CellKind.Blank, v.Kind);
        Assert.Null(v.Value);
        Assert.Equal(raw, v.Raw);
    }

    [Theory]
    [InlineData("2.其他法律行政法规禁止公开")]
    [InlineData("1. 属于国家秘密")]
    [InlineData("规章")]
    [InlineData("(七) 总计")]
    [InlineData("2020年")]
    public void Labels_are_text(string raw) => Assert.Equal(CellKind.Text, CellValueParser.Parse(raw).Kind);
}
