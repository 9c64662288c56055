using System.Globalization;
using System.Text;
using Disclosure.Ocr.Raster;

namespace Disclosure.Ocr.Local;

/// <summary>Grey rasters for the scan path: PDF pages through pdftoppm, and JPEG images by wrapping them in a one-page PDF.</summary>
internal static class Rasterizer
{
    public static async Task<(GrayImage? Image, string? Error)> PageAsync(string pdf, int page, int dpi, OcrOptions options, TempFolder temp, CancellationToken ct)
    {
        var prefix = temp.File($"p{page}");
        var pageArg = page.ToString(CultureInfo.InvariantCulture);
        var raster = await ToolRunner.RunAsync("pdftoppm",
            ["-r", dpi.ToString(CultureInfo.InvariantCulture), "-gray", "-singlefile", "-f", pageArg, "-l", pageArg, pdf, prefix],
            temp.Path, options.ToolTimeout, ct).ConfigureAwait(false);
        if (!raster.Ok)
        {
            return (null, $"第 {page} 页栅格化失败（{raster.Describe("pdftoppm")}）");
        }

        var gray = RasterCleaner.ReadPgm(await File.ReadAllBytesAsync(prefix + ".pgm", ct).ConfigureAwait(false));
        File.Delete(prefix + ".pgm");
        return gray is null ? (null, $"第 {page} 页栅格化结果无法读取（pdftoppm output is not an 8-bit PGM）") : (gray, null);
    }

    /// <summary>One page image of an image-only PDF: the encoded data is embedded as is under its PDF filter.</summary>
    public sealed record PdfImage(long Width, long Height, string ColourSpace, string Filter, byte[] Data);

    /// <summary>
    /// A one-page PDF showing the JPEG at <paramref name="dpi"/> (the JPEG data is embedded as is, DCTDecode), so that
    /// poppler decodes it: rasterised at the same resolution it gives back the image's own pixels.
    /// </summary>
    public static byte[] JpegAsPdf(ReadOnlySpan<byte> jpeg, long width, long height, int components, int dpi) =>
        ImagesAsPdf([new PdfImage(width, height,
            components == 1 ? "/DeviceGray" : components == 4 ? "/DeviceCMYK /Decode [1 0 1 0 1 0 1 0]" : "/DeviceRGB", "/DCTDecode", jpeg.ToArray())], dpi);

    /// <summary>An image-only PDF, one image per page, each page sized so that the image is at <paramref name="dpi"/>.</summary>
    public static byte[] ImagesAsPdf(IReadOnlyList<PdfImage> pages, int dpi)
    {
        using var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Write(string s) => pdf.Write(Encoding.ASCII.GetBytes(s));
        void Begin()
        {
            offsets.Add(pdf.Position);
            Write($"{offsets.Count} 0 obj\n");
        }

        // Objects: 1 catalog, 2 pages, then for page i: 3+3i page, 4+3i image, 5+3i content.
        Write("%PDF-1.4\n");
        Begin();
        Write("<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        Begin();
        Write($"<< /Type /Pages /Count {pages.Count} /Kids [{string.Join(" ", pages.Select((_, i) => $"{3 + 3 * i} 0 R"))}] >>\nendobj\n");
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pages[i];
            var w = (page.Width * 72.0 / dpi).ToString("0.###", CultureInfo.InvariantCulture);
            var h = (page.Height * 72.0 / dpi).ToString("0.###", CultureInfo.InvariantCulture);
            Begin();
            Write($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w} {h}] /Resources << /XObject << /Im0 {4 + 3 * i} 0 R >> >> /Contents {5 + 3 * i} 0 R >>\nendobj\n");
            Begin();
            Write($"<< /Type /XObject /Subtype /Image /Width {page.Width} /Height {page.Height} /ColorSpace {page.ColourSpace} /BitsPerComponent 8 /Filter {page.Filter} /Length {page.Data.Length} >>\nstream\n");
            pdf.Write(page.Data);
            Write("\nendstream\nendobj\n");
            var content = $"q {w} 0 0 {h} 0 0 cm /Im0 Do Q";
            Begin();
            Write($"<< /Length {content.Length} >>\nstream\n{content}\nendstream\nendobj\n");
        }

        var xref = pdf.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets)
        {
            Write($"{o:0000000000} 00000 n \n");
        }

        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }
}
