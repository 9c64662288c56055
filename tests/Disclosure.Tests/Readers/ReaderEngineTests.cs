using System.Text;
using Disclosure.Core.Contract;
using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Disclosure.Readers;
using Disclosure.Tests.Readers.Support;

namespace Disclosure.Tests.Readers;

/// <summary>Bad input through the whole engine with the default readers: always a failed result with a reason, never a throw.</summary>
public sealed class ReaderEngineTests
{
    private static readonly ReportEngine Engine = new(ReaderRegistry.CreateDefault(new ReadLimits()));

    [Fact]
    public void Registry_has_text_html_and_docx()
    {
        var formats = ReaderRegistry.CreateDefault(new ReadLimits()).Select(r => r.Format).ToList();
        Assert.Equal([SourceFormat.Text, SourceFormat.Html, SourceFormat.Docx], formats);
    }

    public static TheoryData<string, byte[], string, string> BadInputs()
    {
        var junk = new byte[16 * 1024];
        new Random(7).NextBytes(junk);
        var docx = DocxBuilder.FromSeed(SeedReport.Load("004_cbc979190ed8f941")).Build();
        return new TheoryData<string, byte[], string, string>
        {
            { "empty.txt", [], FailureCodes.Empty, "文件为空" },
            { "report.txt", junk, FailureCodes.UnsupportedFormat, "无法识别" },
            { "old.docx", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[1024]], FailureCodes.UnsupportedFormat, "" },
            { "cut.docx", docx[..(docx.Length / 3)], FailureCodes.Corrupt, "不是有效的 DOCX（zip）文件" },
            { "bomb.docx", DocxReaderTests.WithEntry(docx, "word/media/x.bin", new byte[10 * 1024 * 1024]), FailureCodes.Bomb, "压缩炸弹" },
            { "blank.html", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><img src=a.png></body></html>"), FailureCodes.Corrupt, "没有可读取的文字" },
        };
    }

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_gives_a_failed_result_with_a_reason(string name, byte[] content, string code, string reason)
    {
        var result = await Engine.AnalyzeAsync(name, content);
        Assert.Equal(ResultStatus.Failed, result.Status);
        Assert.Equal(code, result.ErrorCode);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_100_mb_file_is_refused_before_reading()
    {
        var big = new byte[100 * 1024 * 1024];
        big.AsSpan().Fill((byte)'a');
        var result = await Engine.AnalyzeAsync("huge.html", big);
        Assert.Equal(ResultStatus.Failed, result.Status);
        Assert.Equal(FailureCodes.TooLarge, result.ErrorCode);
    }
}
