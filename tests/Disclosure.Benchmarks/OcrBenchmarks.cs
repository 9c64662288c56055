using BenchmarkDotNet.Attributes;
using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Disclosure.Ocr;

namespace Disclosure.Benchmarks;

/// <summary>
/// Local PDF/scan readers: two text-layer report PDFs (a Chromium print, 3 pages; a LibreOffice export of the official template) and one OCR'd table. Few iterations: an OCR run takes seconds.
/// `dotnet run -c Release --project tests/Disclosure.Benchmarks -- --filter '*Ocr*'`; the corpus `bench` command gives the
/// per-page and 50-page memory figures quoted in the README.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class OcrBenchmarks
{
    private IDocumentReader _pdf = null!;
    private IDocumentReader _image = null!;
    private byte[] _textPdf = [];
    private byte[] _officePdf = [];
    private byte[] _scan = [];

    /// <summary>Both recognisers of scans, side by side.</summary>
    [Params(ScanRecognizer.PaddleOcr, ScanRecognizer.Tesseract)]
    public ScanRecognizer Recognizer { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var readers = OcrReaders.Create(new OcrOptions { Recognizer = Recognizer }, new ReadLimits());
        _pdf = readers.Single(r => r.Format == SourceFormat.Pdf);
        _image = readers.Single(r => r.Format == SourceFormat.Image);
        var root = Root();
        _textPdf = File.ReadAllBytes(Path.Combine(root, "tests", "corpus", "seed-002.pdf"));
        // The way agencies make PDFs: the official template exported by LibreOffice Writer, borders drawn as rectangles.
        _officePdf = File.ReadAllBytes(Path.Combine(root, "tests", "corpus", "libreoffice", "lo-21-007-err.pdf"));
        _scan = File.ReadAllBytes(Path.Combine(root, "tests", "Disclosure.Tests", "Ocr", "Fixtures", "table2.png"));
    }

    [Benchmark]
    public async Task<int> TextLayerPdf() => (await _pdf.ReadAsync(_textPdf, CancellationToken.None)).Document!.PageCount;

    [Benchmark]
    public async Task<int> LibreOfficeTextLayerPdf() => (await _pdf.ReadAsync(_officePdf, CancellationToken.None)).Document!.PageCount;

    [Benchmark]
    public async Task<int> OcrTableImage() => (await _image.ReadAsync(_scan, CancellationToken.None)).Document!.Blocks.Count;

    private static string Root() => Disclosure.Testing.RepoPaths.Root;
}
