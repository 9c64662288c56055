using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Disclosure.Ocr.Geometry;

namespace Disclosure.Ocr.Local;

/// <summary>Scanned images (PNG, JPEG, TIFF incl. multi-page) OCR'd with tesseract; size checked from the header first.</summary>
public sealed class LocalImageReader(OcrOptions options, ReadLimits limits) : IDocumentReader
{
    public SourceFormat Format => SourceFormat.Image;

    public async ValueTask<ReadOutcome> ReadAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var info = ImageProbe.Probe(content.Span);
        if (info.Kind == ImageProbe.Kind.Unsupported)
        {
            return ReadOutcome.Fail(FailureCodes.UnsupportedFormat, $"不支持的图片格式 {info.Name}（supported images: PNG, JPEG, TIFF）");
        }

        if (info.Width <= 0 || info.Height <= 0)
        {
            return ReadOutcome.Fail(FailureCodes.Corrupt, $"{info.Name} 图片头已损坏，无法读取尺寸（corrupt image header）");
        }

        if (info.Pixels > limits.MaxPixels)
        {
            return ReadOutcome.Fail(FailureCodes.PixelLimit,
                $"图片 {info.Width}×{info.Height} 像素，超过上限 {limits.MaxPixels:N0} 像素（pixel cap exceeded; possible decompression bomb）");
        }

        // Rule lengths and tesseract's sizes are in inches: use the resolution the file declares when it is plausible.
        var dpi = info.Dpi is >= 100 and <= 1200 ? info.Dpi : options.Dpi;
        using var temp = new TempFolder(options.TempRoot);
        var path = temp.File(info.Kind switch { ImageProbe.Kind.Png => "in.png", ImageProbe.Kind.Jpeg => "in.jpg", _ => "in.tif" });
        var gray = info.Kind == ImageProbe.Kind.Png ? RasterCleaner.ReadPng(content.Span) : null;
        if (info.Kind == ImageProbe.Kind.Jpeg && info.Components is 1 or 3 or 4)
        {
            var pdf = temp.File("in.pdf");
            await File.WriteAllBytesAsync(pdf, Rasterizer.JpegAsPdf(content.Span, info.Width, info.Height, info.Components, dpi), cancellationToken)
                .ConfigureAwait(false);
            (gray, var rasterError) = await Rasterizer.PageAsync(pdf, 1, dpi, options, temp, cancellationToken).ConfigureAwait(false);
            if (gray is null)
            {
                return ReadOutcome.Fail(FailureCodes.Corrupt, $"JPEG 图片无法解码（{rasterError}）");
            }
        }

        if (gray is not null)
        {
            var (page, pageError) = await ScanPage.ReadAsync(gray, dpi, 1, 1, options, temp, cancellationToken).ConfigureAwait(false);
            if (page is null)
            {
                return ReadOutcome.Fail(FailureCodes.Corrupt, $"图片无法识别（{pageError}）");
            }

            return ReadOutcome.Ok(new LayoutDocument(SourceFormat.Image, 1, GridTables.Merge(LayoutBuilder.Build([page.Words]), page.Grids), Ocr: true)
            {
                Notes = [$"OCR: tesseract {options.Languages}"],
            });
        }

        await File.WriteAllBytesAsync(path, content.ToArray(), cancellationToken).ConfigureAwait(false);
        var (tsv, error) = await Tesseract.RunAsync(path, options, temp, cancellationToken, dpi).ConfigureAwait(false);
        if (tsv is null)
        {
            return ReadOutcome.Fail(FailureCodes.Corrupt, $"图片无法识别（{error}）");
        }

        var pages = PopplerParsers.ParseTesseractTsv(tsv, 1);
        if (pages.Count > limits.MaxPages)
        {
            return ReadOutcome.Fail(FailureCodes.PageLimit, $"图片共 {pages.Count} 页，超过上限 {limits.MaxPages} 页（page limit exceeded）");
        }

        var blocks = LayoutBuilder.Build(pages);
        return ReadOutcome.Ok(new LayoutDocument(SourceFormat.Image, Math.Max(1, pages.Count), blocks, Ocr: true)
        {
            Notes = [$"OCR: tesseract {options.Languages}"],
        });
    }
}
