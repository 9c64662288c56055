using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Disclosure.Cli.Output;
using Disclosure.Core.Contract;
using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Disclosure.Ocr.Local;
using Disclosure.Readers;
using Disclosure.Readers.Docx;
using Disclosure.Readers.Html;
using Disclosure.Readers.Text;
using Disclosure.Tests.Ocr;
using Disclosure.Tests.Support;
using Spectre.Console;
using TextReader = Disclosure.Readers.Text.TextReader;

namespace Disclosure.Tests.Hostile;

/// <summary>One regression per failure of issue 14's table that the battery does not already pin down by its code.</summary>
public sealed class HostileRegressionTests
{
    private static readonly string SeedPath = Path.Combine(RepoPaths.Seeds, "000_76a3a994e5f9533b.txt");

    private static string Fixture(string name) => Path.Combine(OcrTestPaths.Fixtures, name);

    /// <summary>A reader that never returns and ignores cancellation: the budget still ends the document.</summary>
    private sealed class StuckReader : IDocumentReader
    {
        public SourceFormat Format => SourceFormat.Text;

        public ValueTask<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
        {
            using var never = new ManualResetEventSlim();
            never.Wait(TimeSpan.FromSeconds(30), CancellationToken.None);
            return ValueTask.FromResult(ReadOutcome.Fail(FailureCodes.Corrupt, "late"));
        }
    }

    private sealed class OverBudgetReader : IDocumentReader
    {
        public SourceFormat Format => SourceFormat.Text;

        public ValueTask<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
            throw new BudgetExceededException(FailureCodes.DiskLimit, "temp disk budget");
    }

    [Fact]
    public async Task A_reader_that_never_returns_gets_a_timeout_result_naming_the_budget()
    {
        var engine = new ReportEngine([new StuckReader()], new ReadLimits { DocumentTimeout = TimeSpan.FromMilliseconds(300) });
        var result = await engine.AnalyzeAsync("stuck.txt", "一、总体情况"u8.ToArray());
        Assert.Equal(ResultStatus.Failed, result.Status);
        Assert.Equal(FailureCodes.Timeout, result.ErrorCode);
        Assert.Contains("Engine__DocumentTimeoutSeconds", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_budget_hit_inside_a_reader_becomes_its_own_code()
    {
        var result = await new ReportEngine([new OverBudgetReader()]).AnalyzeAsync("x.txt", "一、总体情况"u8.ToArray());
        Assert.Equal(FailureCodes.DiskLimit, result.ErrorCode);
    }

    [Fact]
    public async Task Cancelling_the_caller_cancels_rather_than_failing_the_document()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var engine = new ReportEngine([new StuckReader()]);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.AnalyzeAsync("stuck.txt", "一"u8.ToArray(), cts.Token));
    }

    [Fact]
    public void A_table_3_printed_three_times_reads_once_with_one_finding_for_the_repeat()
    {
        var lines = File.ReadAllLines(SeedPath).ToList();
        var start = lines.FindIndex(l => l.Contains("自然人", StringComparison.Ordinal)) - 1;
        var end = lines.FindIndex(l => l.Contains("结转下年度继续办理", StringComparison.Ordinal));
        var table = lines.GetRange(start, end - start + 1);
        var thrice = lines.Take(end + 1).Concat([""]).Concat(table).Concat([""]).Concat(table).Concat(lines.Skip(end + 1));

        var once = TemplateExtractorResult(string.Join("\n", lines));
        var three = TemplateExtractorResult(string.Join("\n", thrice));

        Assert.Equal(once.Cells.Where(c => c.Key.StartsWith("t3.", StringComparison.Ordinal)).Select(c => (c.Key, c.Value.Value)),
            three.Cells.Where(c => c.Key.StartsWith("t3.", StringComparison.Ordinal)).Select(c => (c.Key, c.Value.Value)));
        var uncertain = three.Findings.Count(f => f.Code == FindingCodes.ExtractionUncertain);
        Assert.True(uncertain <= once.Findings.Count(f => f.Code == FindingCodes.ExtractionUncertain) + 1, $"{uncertain} EXTRACTION_UNCERTAIN findings");
        Assert.Contains(three.Findings, f => f.Code == FindingCodes.ExtractionUncertain && f.Message.Contains("完全相同", StringComparison.Ordinal));
    }

    private static Disclosure.Core.Extraction.ExtractedReport TemplateExtractorResult(string text) =>
        Disclosure.Core.Extraction.TemplateExtractor.Extract(TextReader.Parse(text));

    [Fact]
    public void Readable_output_strips_terminal_escapes_from_document_text()
    {
        var result = ReportEngine.Failed(new SourceInfo("a\u001b]0;pwned\u0007.txt", "", "text", null, false), FailureCodes.Corrupt, "bad\u001b[2J\u009b31m")
            with { Report = new ReportInfo("\u001b[2J某某局\u202E", 2023, "2021") };
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer) });

        ResultPrinter.Print(console, result);

        var shown = writer.ToString();
        Assert.Contains("某某局", shown, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', shown);
        Assert.DoesNotContain('\u0007', shown);
        Assert.DoesNotContain('\u009b', shown);
        Assert.DoesNotContain('\u202E', shown);
    }

    [Theory]
    [InlineData("gbk")]
    [InlineData("gb2312")]
    public void A_page_declaring_gbk_but_written_in_utf8_is_read_as_utf8(string declared)
    {
        var page = Encoding.UTF8.GetBytes($"<html><head><meta charset=\"{declared}\"></head><body><p>一、总体情况</p><p>收到和处理政府信息公开申请情况</p></body></html>");
        var outcome = new HtmlReader().Read(page);
        Assert.True(outcome.Succeeded);
        Assert.Contains(outcome.Document!.Blocks.OfType<LayoutParagraph>(), p => p.Text == "收到和处理政府信息公开申请情况");
        Assert.Contains(outcome.Document.Notes, n => n.StartsWith("encoding utf-8", StringComparison.Ordinal) && n.Contains("bytes disagree", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Big5_is_recognised_and_never_read_as_gb18030()
    {
        var bytes = TextDecoder.Big5.GetBytes("政府資訊公開工作年度報告\n一、總體情況\n本機關依法公開政府資訊，受理申請十二件。\n");
        Assert.Equal(TextDecoder.Big5Name, TextDecoder.Decode(bytes).Encoding);
        var outcome = await new TextReader().ReadAsync(bytes, CancellationToken.None);
        Assert.Equal(FailureCodes.UnsupportedFormat, outcome.ErrorCode);
        Assert.Contains("Big5", outcome.Error, StringComparison.Ordinal);

        // GBK text with a few GBK-only characters (names) stays GB18030.
        var gbk = TextDecoder.Gb18030.GetBytes(File.ReadAllText(SeedPath) + "镕堃喆");
        Assert.Equal("gb18030", TextDecoder.Decode(gbk).Encoding);
    }

    [Fact]
    public async Task Bytes_that_fit_no_chinese_encoding_fail_as_unknown_encoding()
    {
        var random = new Random(1);
        var bytes = Enumerable.Range(0, 3000).Select(i => (byte)(i % 5 == 0 ? 'a' : 0x80 + random.Next(0x20))).ToArray();
        Assert.Equal(TextDecoder.Unknown, TextDecoder.Decode(bytes).Encoding);
        Assert.Equal(FailureCodes.UnknownEncoding, (await new TextReader().ReadAsync(bytes, CancellationToken.None)).ErrorCode);
    }

    [Fact]
    public void Image_headers_that_lie_are_refused_and_real_ones_read()
    {
        var png = File.ReadAllBytes(Fixture("table2.png"));
        var negative = (byte[])png.Clone();
        BinaryPrimitives.WriteUInt32BigEndian(negative.AsSpan(33), 0xFFFFFFF0);
        Assert.NotNull(ImageProbe.Probe(negative).Problem);
        Assert.Null(RasterCleaner.ReadPng(negative));
        Assert.NotNull(ImageProbe.Probe(png[..(png.Length / 2)]).Problem);

        var jpeg = File.ReadAllBytes(Fixture("table2-scan.jpg"));
        Assert.Null(ImageProbe.Probe(jpeg).Problem);
        var sof = jpeg.AsSpan().IndexOf((ReadOnlySpan<byte>)[0xFF, 0xC0]);
        var claims = (byte[])jpeg.Clone();
        BinaryPrimitives.WriteUInt16BigEndian(claims.AsSpan(sof + 5), 8000);
        BinaryPrimitives.WriteUInt16BigEndian(claims.AsSpan(sof + 7), 8000);
        var info = ImageProbe.Probe(claims);
        Assert.Equal(0, info.Width);
        Assert.Contains("8000×8000", info.Problem, StringComparison.Ordinal);

        var gray = RasterCleaner.ReadPng(png);
        Assert.NotNull(gray);
        Assert.Equal(ImageProbe.Probe(png).Width, gray.Width);
    }

    [Fact]
    public void Pgm_written_is_read_back_through_the_image_library()
    {
        var image = new Disclosure.Ocr.Raster.GrayImage(3, 2, [0, 50, 100, 150, 200, 255]);
        var back = RasterCleaner.ReadPgm(RasterCleaner.WritePgm(image));
        Assert.NotNull(back);
        Assert.Equal(image.Pixels, back.Pixels);
        Assert.Null(RasterCleaner.ReadPgm("P5\n99999 99999\n255\n"u8.ToArray()));
    }

    [Fact]
    public void A_docx_part_over_its_budget_is_refused_before_it_is_parsed()
    {
        var xml = "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
            string.Concat(Enumerable.Range(0, 40_000).Select(i => $"<w:p><w:r><w:t>{i * 7919 % 100000}</w:t></w:r></w:p>")) + "</w:body></w:document>";
        using var ms = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(ms, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using (var s = zip.CreateEntry("word/document.xml").Open())
            {
                s.Write(Encoding.UTF8.GetBytes(xml));
            }
        }

        var outcome = new DocxReader(new ReadLimits { MaxPartBytes = 100_000 }).Read(ms.ToArray());
        Assert.Equal(FailureCodes.MemoryLimit, outcome.ErrorCode);
    }

    [Fact]
    public void Html_over_its_node_or_depth_budget_is_refused_before_it_is_parsed()
    {
        var limits = new ReadLimits { MaxHtmlNodes = 1000, MaxHtmlDepth = 50 };
        Assert.Equal(FailureCodes.MemoryLimit, new HtmlReader(limits).Read(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<span>一</span>", 1001)))).ErrorCode);
        Assert.Equal(FailureCodes.MemoryLimit, new HtmlReader(limits).Read(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<div>", 51)) + "一")).ErrorCode);
        // Unclosed paragraphs and cells do not nest (the parser closes them): not counted as depth.
        Assert.NotEqual(FailureCodes.MemoryLimit,
            new HtmlReader(limits).Read(Encoding.UTF8.GetBytes("<table>" + string.Concat(Enumerable.Repeat("<tr><td>1<td>2", 200)) + "</table>")).ErrorCode);
    }

    [Fact]
    public async Task A_cli_command_facing_an_unreachable_cosmos_prints_one_line_and_exits_non_zero()
    {
        using var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "disclosure.dll"), "results" })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["Cosmos__Endpoint"] = $"https://127.0.0.1:{port}/";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(ServiceErrors.ExitCode, process.ExitCode);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.Contains("scripts/emulators.sh", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, (await stdout).Trim());
    }
}
