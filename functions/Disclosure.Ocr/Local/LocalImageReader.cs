using Disclosure.Core.Engine;
using Disclosure.Core.Layout;
using Disclosure.Layout;
using Disclosure.Ocr.Raster;

namespace Disclosure.Ocr.Local;

/// <summary>
/// Scanned images (PNG, JPEG, TIFF incl. multi-page) read by the scan path (<see cref="ScanPage"/>); size checked from the
/// header first, then decoded in managed code (ImageSharp), so no outside program is needed with PP-OCRv4.
/// </summary>
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

        // Rule lengths and the recognisers' sizes are in inches: use the resolution the file declares when it is plausible.
        var dpi = info.Dpi is >= 100 and <= 1200 ? info.Dpi : options.Dpi;
        var bytes = content.ToArray();
        int frames;
        try
        {
            frames = Rasterizer.FrameCount(bytes);
        }
        catch (Exception e) when (e is SixLabors.ImageSharp.ImageFormatException or SixLabors.ImageSharp.UnknownImageFormatException or InvalidDataException or NotSupportedException)
        {
            return ReadOutcome.Fail(FailureCodes.Corrupt, $"{info.Name} 图片无法解码（{e.Message}）");
        }

        if (frames > limits.MaxPages)
        {
            return ReadOutcome.Fail(FailureCodes.PageLimit, $"图片共 {frames} 页，超过上限 {limits.MaxPages} 页（page limit exceeded）");
        }

        using var temp = new TempFolder(options.TempRoot);
        var words = new List<PageWords>();
        var grids = new List<GridPart>();
        ScannedPage? previous = null;
        for (var f = 0; f < frames; f++)
        {
            GrayImage gray;
            try
            {
                gray = Rasterizer.DecodeGray(bytes, f);
            }
            catch (Exception e) when (e is SixLabors.ImageSharp.ImageFormatException or InvalidDataException or NotSupportedException)
            {
                return ReadOutcome.Fail(FailureCodes.Corrupt, $"{info.Name} 图片第 {f + 1} 页无法解码（{e.Message}）");
            }

            var (read, pageError) = await ScanPage.ReadAsync(gray, dpi, f + 1, 1, options, temp, cancellationToken).ConfigureAwait(false);
            if (read is null)
            {
                return ReadOutcome.Fail(FailureCodes.Corrupt, $"图片无法识别（{pageError}）");
            }

            // A multi-page image's table continued after a page break takes the previous page's columns, as a PDF's does.
            var page = read.After(previous);
            previous = page;
            words.Add(page.Words);
            grids.AddRange(page.Grids);
        }

        return ReadOutcome.Ok(new LayoutDocument(SourceFormat.Image, frames, GridTables.Merge(LayoutBuilder.Build(words), grids), Ocr: true)
        {
            Notes = [$"OCR: {Describe(options)}"],
        });
    }

    internal static string Describe(OcrOptions options) =>
        options.Recognizer == ScanRecognizer.PaddleOcr ? "PP-OCRv4 (ONNX Runtime, in-process)" : $"tesseract {options.Languages}";
}
