using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Disclosure.Ocr;
using Disclosure.Ocr.Local;

namespace Disclosure.Tests.Ocr;

/// <summary>The local readers (PdfPig text layer; poppler + tesseract for scans) on real files: a committed corpus PDF, a scanned table, and hostile inputs.</summary>
public sealed class LocalReadersTests
{
    private static readonly ReadLimits Limits = new();

    private static IDocumentReader Reader(SourceFormat format, ReadLimits? limits = null, ScanRecognizer recognizer = ScanRecognizer.PaddleOcr) =>
        OcrReaders.Create(new OcrOptions { Recognizer = recognizer }, limits ?? Limits).Single(r => r.Format == format);

    [Fact]
    public async Task Text_layer_pdf_is_read_without_ocr_and_every_printed_value_lands_in_a_table_cell()
    {
        var pdf = Path.Combine(OcrTestPaths.Corpus, "seed-002.pdf");
        var printed = File.ReadAllLines(Path.Combine(OcrTestPaths.Corpus, "seed-002.values.txt")).Where(l => l.Length > 0).ToList();

        var outcome = await Reader(SourceFormat.Pdf).ReadAsync(await File.ReadAllBytesAsync(pdf), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        var doc = outcome.Document!;
        Assert.False(doc.Ocr);
        Assert.All(doc.Tables, t => Assert.Equal(GridKind.Grid, t.Kind));
        var read = doc.Tables.SelectMany(t => t.Cells.OrderBy(c => c.Row).ThenBy(c => c.Column)).Select(c => c.Text)
            .Where(t => decimal.TryParse(t, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _)).ToList();
        Assert.Equal(printed, read);
        Assert.Contains(doc.Paragraphs, p => p.Text == "三、收到和处理政府信息公开申请情况");
    }

    [Theory]
    [InlineData(ScanRecognizer.PaddleOcr)]
    [InlineData(ScanRecognizer.Tesseract)]
    public async Task Scanned_table_is_ocrd_with_digits_and_confidence(ScanRecognizer recognizer)
    {
        if (recognizer == ScanRecognizer.Tesseract)
        {
            OcrTestPaths.RequireTool("tesseract");
        }

        var png = await File.ReadAllBytesAsync(Path.Combine(OcrTestPaths.Fixtures, "table2.png"));

        var outcome = await Reader(SourceFormat.Image, recognizer: recognizer).ReadAsync(png, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.True(outcome.Document!.Ocr);
        var table = Assert.Single(outcome.Document.Tables);
        var row = table.Cells.Single(c => c.Text == "行政强制").Row;
        Assert.Equal(["60176", "14", "75"], table.Cells.Where(c => c.Row == row && c.Column > 0).OrderBy(c => c.Column).Select(c => c.Text));
        Assert.All(table.Cells.Where(c => c.Text.Length > 0), c => Assert.InRange(c.Confidence!.Value, 0, 1));
        Assert.Contains(table.Cells, c => c.Text == "1646.0304");

        // Cells come from the rules: a blank cell is there, empty, in its own column.
        var fees = table.Cells.Single(c => c.Text == "行政事业性收费").Row;
        Assert.Equal(["87488", "9", ""], table.Cells.Where(c => c.Row == fees && c.Column > 0).OrderBy(c => c.Column).Select(c => c.Text));
        Assert.Equal(4, table.ColumnCount);
    }

    [Theory]
    [InlineData(ScanRecognizer.PaddleOcr, 0)]
    [InlineData(ScanRecognizer.Tesseract, 3)]
    public async Task Jpeg_scan_goes_through_the_cell_path_and_every_misread_value_is_flagged(ScanRecognizer recognizer, int maxMisread)
    {
        if (recognizer == ScanRecognizer.Tesseract)
        {
            OcrTestPaths.RequireTool("tesseract");
        }

        var jpeg = await File.ReadAllBytesAsync(Path.Combine(OcrTestPaths.Fixtures, "table2-scan.jpg"));
        // The printed values of the table in reading order (a 200 dpi scan, rotated, blurred and noisy).
        string[] printed = ["18004", "7", "0", "20039", "16", "11", "12", "2", "114", "10", "-1", "87870", "21125", "13", "14", "0", "7", "67841", "14", "2", "0", "5233.15"];

        var outcome = await Reader(SourceFormat.Image, recognizer: recognizer).ReadAsync(jpeg, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        var table = Assert.Single(outcome.Document!.Tables);
        Assert.Equal((18, 4), (table.RowCount, table.ColumnCount));
        var values = table.Cells.Where(c => c.Column > 0 && !c.IsHeader && c.Text.Length > 0 && !c.Text.Any(char.IsLetter) && c.Text.Any(char.IsAsciiDigit))
            .OrderBy(c => c.Row).ThenBy(c => c.Column).ToList();
        Assert.Equal(printed.Length, values.Count);
        var misread = values.Zip(printed).Where(p => p.First.Text != p.Second).ToList();
        Assert.All(misread, p => Assert.True(p.First.Confidence < 0.8, $"{p.First.Text} for {p.Second} at confidence {p.First.Confidence}"));
        Assert.True(misread.Count <= maxMisread, $"{misread.Count} of {printed.Length} misread");
    }

    [Fact]
    public async Task Without_poppler_a_scanned_pdf_is_read_in_process()
    {
        // The JPEG scan bound into an image-only PDF (DCTDecode, as scanners write it), read by the reader used where no
        // poppler is installed (Azure): PdfPig finds the page image, ImageSharp decodes it, PP-OCRv4 reads it.
        var jpeg = await File.ReadAllBytesAsync(Path.Combine(OcrTestPaths.Fixtures, "table2-scan.jpg"));
        var info = ImageProbe.Probe(jpeg);
        var pdf = Rasterizer.ImagesAsPdf([new Rasterizer.PdfImage(info.Width, info.Height, info.Components == 1 ? "/DeviceGray" : "/DeviceRGB", "/DCTDecode", jpeg)], 200);
        var reader = new LocalPdfReader(new OcrOptions { Dpi = 200 }, Limits, poppler: false);

        var outcome = await reader.ReadAsync(pdf, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.True(outcome.Document!.Ocr);
        var table = Assert.Single(outcome.Document.Tables);
        Assert.Equal((18, 4), (table.RowCount, table.ColumnCount));
        Assert.Contains(table.Cells, c => c.Text == "5233.15");
        Assert.Contains(table.Cells, c => c.Text == "67841");
    }

    [Fact]
    public async Task Squared_paper_is_not_read_cell_by_cell()
    {
        OcrTestPaths.RequireTool("tesseract");
        // An A4 page ruled every 30 pixels: about 9,500 "cells", far beyond any report table; read cell by cell it would
        // be 9,500 tesseract inputs.
        const int w = 2480, h = 3508;
        var px = Enumerable.Repeat((byte)250, w * h).ToArray();
        for (var y = 0; y < h; y++)
        {
            for (var x = 0; x < w; x++)
            {
                // Rules, and a dot of ink in every square so that no cell is blank.
                if (x % 30 < 3 || y % 30 < 3 || (x % 30 is >= 13 and < 18 && y % 30 is >= 13 and < 18))
                {
                    px[y * w + x] = 30;
                }
            }
        }

        var outcome = await Reader(SourceFormat.Image).ReadAsync(Disclosure.Corpus.Png.Gray(w, h, px, 300), CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.DoesNotContain(outcome.Document!.Tables, t => t.Cells.Count > 3000);
    }

    [Fact]
    public async Task Encrypted_pdf_fails_with_a_clear_reason()
    {
        OcrTestPaths.RequireTool("pdfinfo");
        var outcome = await Reader(SourceFormat.Pdf).ReadAsync(PdfBuilder.Blank(1, encrypted: true), CancellationToken.None);

        Assert.Equal(FailureCodes.Encrypted, outcome.ErrorCode);
        Assert.Contains("加密", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corrupt_pdf_fails()
    {
        OcrTestPaths.RequireTool("pdfinfo");
        var outcome = await Reader(SourceFormat.Pdf).ReadAsync("%PDF-1.7\n\u0000\u0001 not really a pdf"u8.ToArray(), CancellationToken.None);

        Assert.Equal(FailureCodes.Corrupt, outcome.ErrorCode);
    }

    [Fact]
    public async Task Zero_page_pdf_fails()
    {
        OcrTestPaths.RequireTool("pdfinfo");
        var outcome = await Reader(SourceFormat.Pdf).ReadAsync(PdfBuilder.Blank(0), CancellationToken.None);

        Assert.Equal(FailureCodes.Corrupt, outcome.ErrorCode);
        Assert.Contains("0", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thousand_page_pdf_hits_the_page_cap_before_any_page_is_read()
    {
        OcrTestPaths.RequireTool("pdfinfo");
        var outcome = await Reader(SourceFormat.Pdf, new ReadLimits { MaxPages = 300 }).ReadAsync(PdfBuilder.Blank(1000), CancellationToken.None);

        Assert.Equal(FailureCodes.PageLimit, outcome.ErrorCode);
        Assert.Contains("1000", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decompression_bomb_image_is_refused_from_its_header()
    {
        // A PNG header claiming 100,000 × 100,000 pixels; the body is never decoded.
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 1, 0x86, 0xA0, 0, 1, 0x86, 0xA0, 8, 0, 0, 0, 0, 0, 0, 0, 0 };

        var outcome = await Reader(SourceFormat.Image).ReadAsync(png, CancellationToken.None);

        Assert.Equal(FailureCodes.PixelLimit, outcome.ErrorCode);
    }

    [Fact]
    public async Task Unsupported_image_type_is_refused()
    {
        var outcome = await Reader(SourceFormat.Image).ReadAsync("GIF89a\u0001\u0000\u0001\u0000"u8.ToArray(), CancellationToken.None);

        Assert.Equal(FailureCodes.UnsupportedFormat, outcome.ErrorCode);
        Assert.Contains("GIF", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Temporary_folders_are_removed()
    {
        var root = Path.Combine(Path.GetTempPath(), "ocr-temp-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            string inner;
            using (var temp = new TempFolder(root))
            {
                inner = temp.Path;
                File.WriteAllText(temp.File("x.txt"), "x");
            }

            Assert.False(Directory.Exists(inner));
        }
        finally
        {
            Directory.Delete(root, true);
        }
    }
}
