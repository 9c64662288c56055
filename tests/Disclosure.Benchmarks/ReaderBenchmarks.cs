using BenchmarkDotNet.Attributes;
using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Disclosure.Readers.Docx;
using Disclosure.Readers.Html;

namespace Disclosure.Benchmarks;

/// <summary>
/// Read-only cost of the HTML and DOCX backends (bytes to layout model, no extraction) on the committed renditions of
/// seeds 001 (GBK HTML, 2019 format) and 004 (UTF-8 HTML in a layout table, 2021 format). Goal: ≥ 200 reports/s on one core,
/// i.e. ≤ 5 ms per report.
/// `dotnet run -c Release --project tests/Disclosure.Benchmarks -- --filter '*ReaderBenchmarks*' --job short`
/// </summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private readonly HtmlReader _html = new(new ReadLimits());
    private readonly DocxReader _docx = new(new ReadLimits());
    private byte[] _htmlGbk = [];
    private byte[] _htmlUtf8 = [];
    private byte[] _docx001 = [];
    private byte[] _docx004 = [];

    [GlobalSetup]
    public void Setup()
    {
        var fixtures = Path.Combine(FindRoot(), "tests", "Disclosure.Tests", "Fixtures");
        _htmlGbk = File.ReadAllBytes(Path.Combine(fixtures, "html", "001_f6b3b7a6d887a97c.html-gbk.html"));
        _htmlUtf8 = File.ReadAllBytes(Path.Combine(fixtures, "html", "004_cbc979190ed8f941.html-utf8-layout.html"));
        _docx001 = File.ReadAllBytes(Path.Combine(fixtures, "docx", "001_f6b3b7a6d887a97c.docx"));
        _docx004 = File.ReadAllBytes(Path.Combine(fixtures, "docx", "004_cbc979190ed8f941.docx"));
    }

    [Benchmark]
    public LayoutDocument? Html_001_gbk() => _html.Read(_htmlGbk).Document;

    [Benchmark]
    public LayoutDocument? Html_004_utf8_layout() => _html.Read(_htmlUtf8).Document;

    [Benchmark]
    public LayoutDocument? Docx_001() => _docx.Read(_docx001).Document;

    [Benchmark]
    public LayoutDocument? Docx_004() => _docx.Read(_docx004).Document;

    [Benchmark]
    public SourceFormat Detect_html() => FormatDetector.Detect(_htmlUtf8);

    internal static string FindRoot() => Disclosure.Testing.RepoPaths.Root;
}
