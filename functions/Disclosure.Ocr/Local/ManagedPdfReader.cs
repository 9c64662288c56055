using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Disclosure.Ocr.Geometry;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Exceptions;

namespace Disclosure.Ocr.Local;

/// <summary>
/// The PDF reader where poppler is not installed (Azure Flex Consumption has no Debian packages): PdfPig reads the text
/// layer's words; a page without one that is a scan (one embedded image) is decoded in managed code and read by the scan
/// path with PP-OCRv4. Everything runs in-process. <see cref="LocalPdfReader"/> stays the reader where poppler exists.
/// </summary>
public sealed class ManagedPdfReader(OcrOptions options, ReadLimits limits) : IDocumentReader
{
    public SourceFormat Format => SourceFormat.Pdf;

    public async ValueTask<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var bytes = content.ToArray();
        var pages = new List<PageWords>();
        var scanned = new List<int>();
        try
        {
            using var document = PdfDocument.Open(bytes);
            if (document.NumberOfPages <= 0)
            {
                return ReadOutcome.Fail(FailureCodes.Corrupt, "PDF 没有任何页面（PDF has 0 pages）");
            }

            if (document.NumberOfPages > limits.MaxPages)
            {
                return ReadOutcome.Fail(FailureCodes.PageLimit, $"PDF 共 {document.NumberOfPages} 页，超过上限 {limits.MaxPages} 页（page limit exceeded）");
            }

            foreach (var page in document.GetPages())
            {
                var words = page.GetWords()
                    .Where(w => !string.IsNullOrWhiteSpace(w.Text))
                    .Select(w => new PositionedWord(w.Text,
                        new BoundingBox(w.BoundingBox.Left, page.Height - w.BoundingBox.Top, w.BoundingBox.Right, page.Height - w.BoundingBox.Bottom)))
                    .ToList();
                pages.Add(new PageWords(page.Number, page.Width, page.Height, words));
                if (words.Sum(w => w.Text.Length) < options.MinTextLayerChars)
                {
                    scanned.Add(page.Number);
                }
            }
        }
        catch (PdfDocumentEncryptedException)
        {
            return ReadOutcome.Fail(FailureCodes.Encrypted, "PDF 已加密，需要密码才能打开（encrypted PDF: a password is required）");
        }
        catch (Exception e) when (e is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IOException)
        {
            return ReadOutcome.Fail(FailureCodes.Corrupt, $"PDF 已损坏，无法解析（corrupt PDF: {e.Message}）");
        }

        var grids = new List<GridPart>();
        using var temp = new TempFolder(options.TempRoot);
        foreach (var number in scanned)
        {
            var page = pages[number - 1];
            var dpi = (double)options.Dpi;
            if (page.Width * dpi / 72 * (page.Height * dpi / 72) > limits.MaxPixels)
            {
                dpi = Math.Floor(Math.Sqrt(limits.MaxPixels / (page.Width * page.Height)) * 72);
            }

            if (dpi < 100 || Rasterizer.EmbeddedPageImage(bytes, number, (int)dpi) is not { } gray)
            {
                return ReadOutcome.Fail(FailureCodes.EngineError,
                    $"第 {number} 页无文字层，且不是可在进程内解码的扫描图像（page {number} has no text layer and no single embedded scan image this reader decodes without poppler）");
            }

            var (read, error) = await ScanPage.ReadAsync(gray, (int)dpi, number, 72 / dpi, options, temp, cancellationToken).ConfigureAwait(false);
            if (read is null)
            {
                return ReadOutcome.Fail(FailureCodes.EngineError, $"第 {number} 页识别失败（{error}）");
            }

            pages[number - 1] = read.Words with { Width = page.Width, Height = page.Height };
            grids.AddRange(read.Grids);
        }

        var notes = scanned.Count > 0
            ? new[] { $"OCR: 第 {string.Join(",", scanned)} 页无文字层，已识别（{LocalImageReader.Describe(options)}）" }
            : [];
        return ReadOutcome.Ok(new LayoutDocument(SourceFormat.Pdf, pages.Count, GridTables.Merge(LayoutBuilder.Build(pages), grids), Ocr: scanned.Count > 0)
        {
            Notes = notes,
        });
    }
}
