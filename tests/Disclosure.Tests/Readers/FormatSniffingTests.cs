using System.IO.Compression;
using System.Text;
using Disclosure.Core.Layout;
using Disclosure.Readers.Text;

namespace Disclosure.Tests.Readers;

public sealed class FormatSniffingTests
{
    private const string Report = "新乡市卫滨区人民政府办公室2019年政府信息公开工作年度报告\r\n一、总体情况\r\n今年以来，主动发布公开各类政府信息1280条。\r\n";
    private const string Html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>报告</title></head><body><p>一、总体情况</p></body></html>";

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);

    private static byte[] Junk(int length, int seed, bool highOnly = false)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        if (highOnly)
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                bytes[i] |= 0x80;
            }
        }

        return bytes;
    }

    public static TheoryData<string, byte[], SourceFormat> Cases => new()
    {
        { "utf-8 text", Utf8(Report), SourceFormat.Text },
        { "utf-8 text with BOM", [0xEF, 0xBB, 0xBF, .. Utf8(Report)], SourceFormat.Text },
        { "gb18030 text", TextDecoder.Gb18030.GetBytes(Report), SourceFormat.Text },
        { "utf-16le text with BOM", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Report)], SourceFormat.Text },
        { "utf-16le text without BOM", Encoding.Unicode.GetBytes(Report), SourceFormat.Text },
        { "utf-16be text without BOM", Encoding.BigEndianUnicode.GetBytes(Report), SourceFormat.Text },
        { "text starting with an angle bracket", Utf8("<2019年度> 政府信息公开工作年度报告\n一、总体情况\n"), SourceFormat.Text },
        { "html", Utf8(Html), SourceFormat.Html },
        { "html after BOM, whitespace and comments", [0xEF, 0xBB, 0xBF, .. Utf8("\r\n  <!-- saved from url=(0042)http://www.example.gov.cn/ -->\n<!--[if IE]><![endif]-->\n" + Html)], SourceFormat.Html },
        { "xhtml with xml declaration", Utf8("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"x\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>报告</p></body></html>"), SourceFormat.Html },
        { "gbk html", TextDecoder.Gb18030.GetBytes("<html><head><meta charset=gbk></head><body>一、总体情况</body></html>"), SourceFormat.Html },
        { "utf-16 html with BOM", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Html)], SourceFormat.Html },
        { "utf-16 html without BOM", Encoding.Unicode.GetBytes(Html), SourceFormat.Html },
        { "html fragment starting with a table", Utf8("<table><tr><td>申请人情况</td></tr></table>"), SourceFormat.Html },
        { "text with a pasted table after a heading", Utf8("政府信息公开工作年度报告\n<table border=1><tr><td>1</td></tr></table>"), SourceFormat.Html },
        { "random binary junk", Junk(8192, 1), SourceFormat.Unknown },
        { "high-byte junk without zeros", Junk(8192, 2, highOnly: true), SourceFormat.Unknown },
        { "ole compound file (legacy .doc / encrypted .docx)", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[504]], SourceFormat.Unknown },
        { "gzip", [0x1F, 0x8B, 0x08, 0x00, .. Junk(512, 3)], SourceFormat.Unknown },
        { "zip that is not a docx", DocxReaderTests.Zip(("a.txt", Utf8("x"), CompressionLevel.Optimal)), SourceFormat.Docx },
        { "empty zip", [(byte)'P', (byte)'K', 5, 6, .. new byte[18]], SourceFormat.Docx },
        { "pdf", Utf8("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj"), SourceFormat.Pdf },
        { "png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[64]], SourceFormat.Image },
        { "empty", [], SourceFormat.Unknown },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Detects_format_from_content(string name, byte[] content, SourceFormat expected) =>
        Assert.True(expected == FormatDetector.Detect(content), $"{name}: got {FormatDetector.Detect(content)}, expected {expected}");

    [Fact]
    public void Unknown_content_gets_a_specific_reason()
    {
        Assert.Contains("加密或旧版 .doc 文件", FormatDetector.DescribeUnknown([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), StringComparison.Ordinal);
        Assert.Contains("压缩包", FormatDetector.DescribeUnknown([0x1F, 0x8B, 0x08]), StringComparison.Ordinal);
        Assert.Contains("无法识别的文件格式", FormatDetector.DescribeUnknown(Junk(64, 4)), StringComparison.Ordinal);
    }
}

public sealed class TextDecoderTests
{
    private const string Sample = "三、收到和处理政府信息公开申请情况（“三安全一稳定”）: 2,157.936";

    public static TheoryData<string, byte[], string> Encodings => new()
    {
        { "utf-8", Encoding.UTF8.GetBytes(Sample), "utf-8" },
        { "utf-8 BOM", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Sample)], "utf-8-bom" },
        { "utf-16le BOM", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Sample)], "utf-16le" },
        { "utf-16be BOM", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Sample)], "utf-16be" },
        { "utf-16le", Encoding.Unicode.GetBytes(Sample + "\r\n" + Sample), "utf-16le" },
        { "utf-16be", Encoding.BigEndianUnicode.GetBytes(Sample + "\r\n" + Sample), "utf-16be" },
        { "gb18030", TextDecoder.Gb18030.GetBytes(Sample), "gb18030" },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Decodes_each_encoding(string name, byte[] bytes, string encoding)
    {
        var (text, used) = TextDecoder.Decode(bytes);
        Assert.True(encoding == used, $"{name}: used {used}");
        Assert.StartsWith(Sample, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8_cut_inside_its_last_character_stays_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes(Sample + "报");
        var (text, used) = TextDecoder.Decode(bytes.AsSpan(0, bytes.Length - 1));
        Assert.Equal("utf-8", used);
        Assert.Equal(Sample, text);
    }

    [Theory]
    [InlineData("<meta charset=\"GBK\">", "gbk")]
    [InlineData("<meta charset=gb2312 />", "gb2312")]
    [InlineData("<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=GB18030\">", "gb18030")]
    [InlineData("<meta http-equiv='content-type' content='text/html;charset = utf-8'>", "utf-8")]
    [InlineData("<?xml version=\"1.0\" encoding=\"gbk\"?><html>", "gbk")]
    [InlineData("<html><head><title>charset</title></head>", null)]
    public void Finds_the_declared_charset(string head, string? expected) =>
        Assert.Equal(expected, TextDecoder.FindDeclaredCharset(Encoding.ASCII.GetBytes(head)));

    [Fact]
    public void Html_declared_gbk_is_read_as_gb18030_even_when_it_is_also_valid_utf8_ascii()
    {
        var bytes = TextDecoder.Gb18030.GetBytes("<meta charset=gbk><p>" + Sample + "</p>");
        var (text, used) = TextDecoder.DecodeHtml(bytes);
        Assert.Contains(Sample, text, StringComparison.Ordinal);
        Assert.StartsWith("gb18030", used, StringComparison.Ordinal);
    }
}
